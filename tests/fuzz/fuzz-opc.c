/*
 * Fuzz target: the package layer on a whole ZIP from memory: open (with
 * its refusals), [Content_Types].xml, then the relationships from the
 * package root, breadth first over up to MAX_PARTS parts: each target's
 * content type, bytes, XML and own relationships.
 */
#include "fuzz.h"

#include "opc/opc.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_PARTS = 32 };

void
fuzz_one(const uint8_t *data, size_t size, char *outcome, size_t outcome_size)
{
	char *queue[MAX_PARTS + 1];
	size_t n = 0, read_ok = 0, xml_ok = 0;
	opc_package *pkg;
	s2p_limits lim;
	s2p_error err;

	xmlInitParser();
	fuzz_limits(&lim);
	s2p_error_clear(&err);
	pkg = opc_package_open_memory(data, size, "fuzz.pptx", &lim, &err);
	if (!pkg) {
		fuzz_note(outcome, outcome_size, "open: %s", s2p_strerror(err.code));
		return;
	}
	queue[n++] = strdup("/");
	for (size_t i = 0; i < n && queue[i]; i++) {
		opc_rels *rels;
		s2p_blob *blob = NULL;
		xmlDoc *doc;

		s2p_error_clear(&err);
		if (i > 0) {
			(void) opc_package_content_type(pkg, queue[i]);
			if (opc_package_read(pkg, queue[i], &blob, &err))
				continue;
			read_ok++;
			doc = opc_xml_parse(blob, queue[i], &lim, &err);
			s2p_blob_unref(blob);
			if (!doc)
				continue;
			xml_ok++;
			xmlFreeDoc(doc);
		}
		rels = opc_rels_load(pkg, queue[i], &err);
		if (!rels)
			continue;
		for (size_t r = 0; r < rels->n && n < MAX_PARTS; r++) {
			const opc_rel *rel = &rels->items[r];
			int seen = 0;
			if (rel->external || rel->invalid)
				continue;
			for (size_t k = 0; k < n && !seen; k++)
				seen = queue[k] && !strcmp(queue[k], rel->target);
			if (!seen && opc_package_has(pkg, rel->target))
				queue[n++] = strdup(rel->target);
		}
		opc_rels_free(rels);
	}
	fuzz_note(outcome, outcome_size, "open: ok; %zu parts reached, %zu read, "
	          "%zu well-formed", n - 1, read_ok, xml_ok);
	for (size_t i = 0; i < n; i++)
		free(queue[i]);
	opc_package_close(pkg);
}
