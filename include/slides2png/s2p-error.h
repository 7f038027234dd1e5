/*
 * slides2png: error reporting.
 *
 * Every fallible library call takes an s2p_error * owned by the caller and
 * returns 0 (or non-NULL) on success. The first failure recorded wins; later
 * failures do not overwrite it. One s2p_error per job: never share one
 * between threads.
 */
#ifndef S2P_ERROR_H
#define S2P_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

enum {
	S2P_OK = 0,
	S2P_ENOMEM,      /* allocation failed */
	S2P_EIO,         /* reading or writing a file failed */
	S2P_EZIP,        /* the input is not a readable ZIP package */
	S2P_EXML,        /* a part is not well-formed XML */
	S2P_EFORMAT,     /* the package is not a valid presentation */
	S2P_ELIMIT,      /* a size or count limit was exceeded */
	S2P_EUNSUPPORTED,/* a feature or file kind we refuse (encrypted, .ppt) */
	S2P_ECAIRO,      /* cairo reported an error while drawing */
	S2P_EARG,        /* invalid argument from the caller */
	S2P_EINTERNAL,   /* a bug in slides2png */
	S2P_ECANCELLED,  /* the run was interrupted */
	S2P_ETIMEOUT     /* a slide exceeded its time limit */
};

typedef struct s2p_error {
	int code;          /* S2P_OK or an S2P_E* value; first failure wins */
	char msg[256];     /* human-readable reason, no trailing newline */
	const char *file;  /* source location of the first failure */
	int line;
	char part[128];    /* OPC part name, e.g. "/ppt/slides/slide3.xml" */
	long xml_line;     /* line in that part, 0 if unknown */
} s2p_error;

/** Reset @err to "no error". */
void s2p_error_clear(s2p_error *err);

/**
 * Record a failure in @err unless one is already recorded. Always returns
 * @code, so callers can write `return S2P_FAIL(err, S2P_EFORMAT, "...")`.
 * @err may be NULL. Thread-safe as long as @err belongs to the caller.
 */
int s2p_error_set(s2p_error *err, int code, const char *file, int line,
                  const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/** Name the OPC part of the recorded error, if none is named yet. */
void s2p_error_set_part(s2p_error *err, const char *part);

/** A short static name for @code ("out of memory", "bad ZIP", ...). */
const char *s2p_strerror(int code);

/**
 * Format @err as one line "part:line: reason" into @buf (at most @size
 * bytes, always NUL-terminated). Returns @buf.
 */
char *s2p_error_format(const s2p_error *err, char *buf, unsigned long size);

#define S2P_FAIL(err, code, ...) \
	s2p_error_set((err), (code), __FILE__, __LINE__, __VA_ARGS__)

#ifdef __cplusplus
}
#endif
#endif
