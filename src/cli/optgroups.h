/*
 * optgroups.h - the option groups that commands include in their option
 * tables (cli/opt.h) with CLI_OPT_GROUP: the method options (the fields
 * a struct cli_method_opts, methodopt.h) and the uncertain inputs (a
 * struct cli_mc_opts, mcopt.h).  The values are read by
 * cli_method_option() and cli_mc_option().
 */
#ifndef CIDX_CLI_OPTGROUPS_H
#define CIDX_CLI_OPTGROUPS_H

#include "cli/opt.h"

/* "[METHOD OPTIONS]" */
extern const struct cli_optgroup cli_method_group;
/* "[UNCERTAINTY OPTIONS]" */
extern const struct cli_optgroup cli_mc_group;

#endif
