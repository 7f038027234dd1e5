/* slides2png: version information. */
#ifndef S2P_VERSION_H
#define S2P_VERSION_H

#ifdef __cplusplus
extern "C" {
#endif

/** The library version, e.g. "0.1.0". */
const char *s2p_version(void);

/**
 * Versions of the libraries in use, one line: "cairo 1.16.0, pango ...".
 * Static storage; call from one thread.
 */
const char *s2p_library_versions(void);

#ifdef __cplusplus
}
#endif
#endif
