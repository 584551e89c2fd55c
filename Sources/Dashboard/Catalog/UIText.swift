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
    case labelChurnRisk, labelAlive, labelValue, labelCLV, labelAtStake, labelWeakest, labelOrders24
    case labelNotice, labelRenews, labelEnds, labelAutoRenews
    // States
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
    case errorUnknownCommand, errorSortUsage, errorFilterUsage, errorThemeUsage, errorLangUsage
    case themeApplied, languageApplied, filterCleared
    // Words
    case today, yes, no, none
}
