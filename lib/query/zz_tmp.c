#include "query/query.h"
kith_status kith_show(const kith_journal *j, const char *name, const kith_query *q, char **out, size_t *len){(void)j;(void)name;(void)q;(void)out;(void)len;return KITH_ESYSTEM;}
