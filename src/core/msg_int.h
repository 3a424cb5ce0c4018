/*
 * msg_int.h - the catalogue's tables, for msg.c: the report's words
 * (msgreport.c), indexed by message id like the others (NULL where an id
 * is msg.c's).
 */
#ifndef CIDX_CORE_MSG_INT_H
#define CIDX_CORE_MSG_INT_H

#include "core/msg.h"

extern const char *const cidx_msg_report[CIDX_MSG__COUNT][2];

#endif
