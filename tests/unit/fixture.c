#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "runner.h"

char tmpdir[64];

int
tmp_begin(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/cidx-unit-XXXXXX");
	if (mkdtemp(tmpdir) == NULL) {
		runner_fail(__FILE__, __LINE__, "mkdtemp failed");
		return -1;
	}
	return 0;
}

void
tmp_end(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *e;
	char p[sizeof(tmpdir) + 260];

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof(p), "%s/%s", tmpdir, e->d_name);
		unlink(p);
	}
	closedir(d);
	rmdir(tmpdir);
}
