/*
 * s2p_error: the one place every failure passes through (set a breakpoint
 * on s2p_error_set to catch them all). The first failure wins.
 */
#include "base.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void
s2p_error_clear(s2p_error *err)
{
	if (err)
		memset(err, 0, sizeof *err);
}

int
s2p_error_set(s2p_error *err, int code, const char *file, int line,
              const char *fmt, ...)
{
	va_list ap;

	if (!err || err->code != S2P_OK)
		return code;
	err->code = code;
	err->file = file;
	err->line = line;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return code;
}

void
s2p_error_set_part(s2p_error *err, const char *part)
{
	if (!err || !part || err->part[0])
		return;
	snprintf(err->part, sizeof err->part, "%s", part);
}

const char *
s2p_strerror(int code)
{
	switch (code) {
	case S2P_OK: return "no error";
	case S2P_ENOMEM: return "out of memory";
	case S2P_EIO: return "input/output error";
	case S2P_EZIP: return "not a readable ZIP package";
	case S2P_EXML: return "malformed XML";
	case S2P_EFORMAT: return "not a valid presentation";
	case S2P_ELIMIT: return "limit exceeded";
	case S2P_EUNSUPPORTED: return "unsupported";
	case S2P_ECAIRO: return "drawing failed";
	case S2P_EARG: return "invalid argument";
	case S2P_EINTERNAL: return "internal error";
	case S2P_ECANCELLED: return "interrupted";
	case S2P_ETIMEOUT: return "timed out";
	}
	return "unknown error";
}

char *
s2p_error_format(const s2p_error *err, char *buf, unsigned long size)
{
	if (!size)
		return buf;
	if (!err || err->code == S2P_OK) {
		snprintf(buf, size, "no error");
		return buf;
	}
	if (err->part[0] && err->xml_line > 0)
		snprintf(buf, size, "%s:%ld: %s", err->part, err->xml_line,
		         err->msg[0] ? err->msg : s2p_strerror(err->code));
	else if (err->part[0])
		snprintf(buf, size, "%s: %s", err->part,
		         err->msg[0] ? err->msg : s2p_strerror(err->code));
	else
		snprintf(buf, size, "%s",
		         err->msg[0] ? err->msg : s2p_strerror(err->code));
	return buf;
}
