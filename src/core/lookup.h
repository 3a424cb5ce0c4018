/*
 * lookup.h - a unit named on the command line: by its code, or by its
 * name as people write it (北京市, 北京, Beijing, beijing).
 */
#ifndef CIDX_LOOKUP_H
#define CIDX_LOOKUP_H

#include "core/err.h"
#include "core/model.h"

/*! cidx_dataset_lookup() :
 *  The row of the unit of `ds` that `text` names: its code exactly;
 *  else its name or English name (ASCII case ignored); else its name
 *  without an administrative suffix (市, 地区, 盟, 自治州, 特别行政区).
 *  @return 0 and *row, CIDX_ENOTFOUND when no unit matches, or
 *  CIDX_EINVAL when several do at the first rule that matches any (the
 *  message lists them: "code name"). */
int cidx_dataset_lookup(const struct cidx_dataset *ds, const char *text,
    long *row, struct cidx_err *err);

#endif
