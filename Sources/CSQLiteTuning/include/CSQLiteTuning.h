#ifndef CSQLITE_TUNING_H
#define CSQLITE_TUNING_H

/// Turns off SQLite's global memory statistics, which nothing in Clientele reads.
///
/// With them on (SQLite's default), every allocation inside SQLite takes one process-wide
/// mutex. This system's SQLite is built without lookaside memory, so a grouped query allocates
/// per group, and two readers on two threads spent a third of their time waiting for each other
/// (docs/BENCHMARKS.md). `sqlite3_config` is variadic, which Swift cannot call, hence this C.
///
/// Must run before SQLite initialises (before the first connection opens); returns SQLite's
/// result code (SQLITE_MISUSE when it came too late, which only costs speed).
int clientele_sqlite_disable_memory_statistics(void);

#endif
