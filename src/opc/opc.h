/*
 * opc: the Open Packaging Conventions layer (ECMA-376 Part 2). A package is
 * read from memory through libzip; parts are returned as refcounted blobs;
 * relationships are parsed and their targets resolved to absolute part
 * names. Main thread only (libzip is not thread-safe even for reading).
 */
#ifndef S2P_OPC_OPC_H
#define S2P_OPC_OPC_H

#include "base/base.h"

#include <slides2png/s2p-deck.h>

#include <libxml/tree.h>

typedef struct opc_package opc_package;

/* Open a package from a file (read whole, bounded by max_file_bytes). */
opc_package *opc_package_open_file(const char *path, const s2p_limits *lim,
                                   s2p_error *err);
/* Open a package from memory; the bytes are copied. @name for messages. */
opc_package *opc_package_open_memory(const void *data, size_t size,
                                     const char *name, const s2p_limits *lim,
                                     s2p_error *err);
void opc_package_close(opc_package *pkg);

/* 1 if the part exists. @part is absolute ("/ppt/slides/slide1.xml"). */
int opc_package_has(opc_package *pkg, const char *part);

/* Read a part. Returns a new reference in *out, or fails with
 * S2P_EFORMAT (missing), S2P_ELIMIT (too big), S2P_EZIP (corrupt). */
int opc_package_read(opc_package *pkg, const char *part, s2p_blob **out,
                     s2p_error *err);

/* The part's content type from [Content_Types].xml, or NULL. Borrowed. */
const char *opc_package_content_type(opc_package *pkg, const char *part);

/*
 * Parse a part's bytes as XML with safe options: no network, no entity
 * substitution, no DTD loading; a document with a DTD is refused (OOXML
 * never has one), and depth and node count are limited. The caller frees
 * the result with xmlFreeDoc.
 */
xmlDoc *opc_xml_parse(const s2p_blob *blob, const char *part,
                      const s2p_limits *lim, s2p_error *err);

/* Relationships of one source part. */
typedef struct opc_rel {
	const char *id;
	const char *type;     /* full type URI */
	const char *target;   /* absolute part name, or the raw external URI */
	uint8_t external;     /* TargetMode="External": never fetched */
	uint8_t invalid;      /* target escapes the package root */
} opc_rel;

typedef struct opc_rels {
	s2p_arena *arena;
	opc_rel *items;
	size_t n;
} opc_rels;

/* Load the relationships of @source ("/" for the package). A missing .rels
 * part gives an empty list. */
opc_rels *opc_rels_load(opc_package *pkg, const char *source, s2p_error *err);
void opc_rels_free(opc_rels *rels);
const opc_rel *opc_rels_find(const opc_rels *rels, const char *id);
/* First relationship whose type ends in "/<kind>" (Transitional and Strict
 * type URIs differ only before that). */
const opc_rel *opc_rels_find_kind(const opc_rels *rels, const char *kind);
int opc_rel_is_kind(const opc_rel *rel, const char *kind);

/* Resolve @target relative to the part @source into @out (absolute,
 * normalised). Returns 0, or -1 if it escapes the root or is too long. */
int opc_resolve_target(const char *source, const char *target, char *out,
                       size_t size);

const s2p_limits *opc_package_limits(const opc_package *pkg);
const char *opc_package_name(const opc_package *pkg);

#endif
