/*
 * fixture.h - a temporary directory for the unit tests that need real
 * files (CSV inputs, SQLite workspaces).  tmp_begin() makes it,
 * tmp_end() removes it and the files in it.
 */
#ifndef CIDX_FIXTURE_H
#define CIDX_FIXTURE_H

extern char tmpdir[64];

int tmp_begin(void);
void tmp_end(void);

#endif
