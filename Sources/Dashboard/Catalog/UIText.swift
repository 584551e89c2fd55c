/// Every fixed text of the user interface, by meaning. ``Catalog/text(_:)`` gives the words in
/// the user's language; the `switch` there is exhaustive, so a new key cannot lack a language.
public enum UIText: String, CaseIterable, Sendable {
    // Screens and panes
    case appName, overview, customers, detail, help
    case segments, riskBands, urgentCustomers, profile, scores, why, bindings, purchases, timeline
    case contracts, feedback, nextActions
    // Key figures
    case kpiCustomers, kpiActive, kpiChurnRate, kpiRetention, kpiNPS, kpiCSAT, kpiAverageCLV, kpiRevenueAtRisk
    // List columns
    case columnName, columnSegment, columnRisk, columnValue, columnLastTouch, columnNextAction
    // Detail labels
    case labelOwner, labelRelationship, labelEmail, labelPhone, labelCity, labelExternalID, labelSegment
    case labelChurnRisk, labelAlive, labelValue, labelCLV, labelAtStake, labelWeakest, labelOrders24,
        labelRevenue
    case labelRenews, labelEnds, labelAutoRenews
    // States
    case neverScored
    case loading, noData, noCustomers, notScored, noReasons, noTouchpoints, noContracts, noFeedback, noActions
    case unknownCustomer
    // Status bar and overlays
    case rows, searchPrompt, commandPrompt, sortedBy, filteredBy, ascending, descending, tooSmall, needSize
    case haveSize, helpTitle, helpKeys, helpCommands, helpClose, pressQToQuit
    // Key help (long, for `?`) and hints (short, for the hint bar)
    case helpMoveDown, helpMoveUp, helpPageDown, helpPageUp, helpHalfPageDown, helpHalfPageUp, helpTop
    case helpBottom, helpOpen, helpBack, helpQuit, helpHelp, helpSearch, helpCommand, helpNextPane
    case helpPreviousPane, helpRedraw, helpNextSort, helpReverseSort, helpFilter, helpClearFilter
    case helpShowOverview, helpShowList, helpSuspend, helpInterrupt
    case hintMove, hintOpen, hintBack, hintQuit, hintHelp, hintSearch, hintSort, hintReverse, hintPane
    case hintFilter, hintCustomers, hintCommand
    // Command line
    case commandSortHelp, commandFilterHelp, commandFilterClearHelp, commandThemeHelp, commandLangHelp
    case commandQuitHelp
    case commandImportHelp, commandExportDataHelp, commandEraseHelp, errorImportUsage, errorEraseUsage
    case commandsAre, commandsInHelp, errorUnknownCommand, errorSortUsage, errorFilterUsage, errorThemeUsage,
        errorLangUsage
    case themeApplied, languageApplied, filterCleared
    // Logging an interaction
    case logTitle, fieldChannel, fieldDirection, fieldKind, fieldOutcome, fieldComplaint, fieldNote, fieldNPS
    case fieldNPSType, fieldCSAT, fieldCES, fieldFollowUp, noChoice, choiceHint, noteHint, moreLines
    case placeholderNPS, placeholderCSAT, placeholderCES
    case errorNPS, errorCSAT, errorCES, errorFollowUpDate, errorFollowUpPast, errorNoteNUL, formInvalid
    case saving, saveFailed, rescoreFailed, notScoredShort, logDiscarded, confirmDiscardLog, confirmAnswers
    case nothingToUndo, undoing, undoFailed, noteFromEditor, editorOnlyInNote
    case helpLog, helpUndo, helpCancelForm, helpInterruptForm, helpNextField, helpPreviousField, helpSave,
        helpEditor
    case hintLog, hintUndo, hintCancel, hintField, hintSave, hintEditor
    // The call list and its session
    case calls, columnRank, columnReason, columnPhone, columnAction, noCalls, callsFinished
    case helpShowCalls, helpSession, helpMarkDone, helpSkip, helpSnoozeDay, helpSnoozeWeek, helpSnoozeUntil
    case helpExport, helpCallsFilter, hintCalls, hintSession, hintDone, hintSkip, hintSnooze, hintExport
    case promptSnooze, promptExport, statusDone, statusSkipped, statusSnoozed, statusExported, statusLogged
    case statusNextCall, statusSaving, errorNotADate, errorSnoozeNotAfterToday, errorCallsFilter
    case sessionCall, sessionOf, labelReason, labelAction, labelLastTouch, labelDue, recentNotes
    case listNotScored, callsNotScored, markUndoHint, errorSegmentUsage, sessionNext, sessionPrevious,
        sessionLeave,
        sessionForm, saveWaiting,
        undoWaiting,
        helpSessionOutcome, helpSessionNext,
        helpSessionPrevious, helpSessionForm, helpSessionLeave, commandCallsHelp, commandOverviewHelp,
        commandListHelp
    // Words
    case today, yes, no, none
}
