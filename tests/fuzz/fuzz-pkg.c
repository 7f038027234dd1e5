/*
 * The package the part targets fuzz inside: a minimal valid deck written
 * as a stored ZIP (so the fuzzed bytes reach the parser unchanged), and
 * the load-and-draw path of the library (opc -> load -> split -> draw)
 * called directly, with one drawing worker kept for the whole process.
 */
#include "fuzz.h"

#include "load/load.h"
#include "render/draw.h"
#include "split/split.h"

#include <libdeflate.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_P "http://schemas.openxmlformats.org/presentationml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_C "http://schemas.openxmlformats.org/drawingml/2006/chart"
#define NS_DGM "http://schemas.openxmlformats.org/drawingml/2006/diagram"
#define NS_DSP "http://schemas.microsoft.com/office/drawing/2008/diagram"
#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships"
#define CT_PML "application/vnd.openxmlformats-officedocument.presentationml."
#define XMLDECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define ROOT_NS " xmlns:a=\"" NS_A "\" xmlns:r=\"" NS_R "\" xmlns:p=\"" NS_P "\""
#define REL(id, kind, target) \
	"<Relationship Id=\"" id "\" Type=\"" NS_R "/" kind "\" Target=\"" target "\"/>"

static const char content_types[] = XMLDECL
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Default Extension=\"png\" ContentType=\"image/png\"/>"
	"<Override PartName=\"/ppt/presentation.xml\" ContentType=\"" CT_PML "presentation.main+xml\"/>"
	"<Override PartName=\"/ppt/slides/slide1.xml\" ContentType=\"" CT_PML "slide+xml\"/>"
	"<Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"" CT_PML "slideLayout+xml\"/>"
	"<Override PartName=\"/ppt/slideMasters/slideMaster1.xml\" ContentType=\"" CT_PML "slideMaster+xml\"/>"
	"<Override PartName=\"/ppt/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>"
	"<Override PartName=\"/ppt/charts/chart1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>"
	"</Types>";

static const char root_rels[] = XMLDECL
	"<Relationships xmlns=\"" NS_PKG "\">"
	REL("rId1", "officeDocument", "ppt/presentation.xml")
	"</Relationships>";

static const char presentation[] = XMLDECL
	"<p:presentation" ROOT_NS ">"
	"<p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>"
	"<p:sldIdLst><p:sldId id=\"256\" r:id=\"rId2\"/></p:sldIdLst>"
	"<p:sldSz cx=\"9144000\" cy=\"6858000\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/>"
	"</p:presentation>";

static const char presentation_rels[] = XMLDECL
	"<Relationships xmlns=\"" NS_PKG "\">"
	REL("rId1", "slideMaster", "slideMasters/slideMaster1.xml")
	REL("rId2", "slide", "slides/slide1.xml")
	REL("rId3", "theme", "theme/theme1.xml")
	"</Relationships>";

#define NV_GRP(pfx) \
	"<" pfx ":nvGrpSpPr><" pfx ":cNvPr id=\"1\" name=\"\"/><" pfx ":cNvGrpSpPr/>" \
	"<" pfx ":nvPr/></" pfx ":nvGrpSpPr><" pfx ":grpSpPr/>"
#define TITLE(text) \
	"<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title\"/><p:cNvSpPr/>" \
	"<p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr/>" \
	"<p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang=\"en-US\"/><a:t>" text \
	"</a:t></a:r></a:p></p:txBody></p:sp>"
#define XFRM(tag, x, y, cx, cy) \
	"<" tag "><a:off x=\"" x "\" y=\"" y "\"/><a:ext cx=\"" cx "\" cy=\"" cy \
	"\"/></" tag ">"

static const char slide[] = XMLDECL
	"<p:sld" ROOT_NS "><p:cSld><p:spTree>" NV_GRP("p")
	TITLE("Fuzz")
	"<p:pic><p:nvPicPr><p:cNvPr id=\"3\" name=\"Picture\"/><p:cNvPicPr/><p:nvPr/>"
	"</p:nvPicPr><p:blipFill><a:blip r:embed=\"rId3\"/><a:stretch><a:fillRect/>"
	"</a:stretch></p:blipFill><p:spPr>" XFRM("a:xfrm", "0", "3429000", "2286000",
	"2286000") "<a:prstGeom prst=\"ellipse\"><a:avLst/></a:prstGeom></p:spPr></p:pic>"
	"<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"4\" name=\"Chart\"/>"
	"<p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>"
	XFRM("p:xfrm", "4572000", "1143000", "4572000", "2286000")
	"<a:graphic><a:graphicData uri=\"" NS_C "\"><c:chart xmlns:c=\"" NS_C
	"\" r:id=\"rId2\"/></a:graphicData></a:graphic></p:graphicFrame>"
	"<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"5\" name=\"Diagram\"/>"
	"<p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>"
	XFRM("p:xfrm", "4572000", "3429000", "4572000", "2286000")
	"<a:graphic><a:graphicData uri=\"" NS_DGM "\"><dgm:relIds xmlns:dgm=\"" NS_DGM
	"\" r:dm=\"rId4\" r:lo=\"rId6\" r:qs=\"rId6\" r:cs=\"rId6\"/></a:graphicData>"
	"</a:graphic></p:graphicFrame>"
	"</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>";

static const char slide_rels[] = XMLDECL
	"<Relationships xmlns=\"" NS_PKG "\">"
	REL("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml")
	REL("rId2", "chart", "../charts/chart1.xml")
	REL("rId3", "image", "../media/image1.png")
	REL("rId4", "diagramData", "../diagrams/data1.xml")
	"<Relationship Id=\"rId5\" Type=\"http://schemas.microsoft.com/office/2007/"
	"relationships/diagramDrawing\" Target=\"../diagrams/drawing1.xml\"/>"
	"</Relationships>";

static const char layout[] = XMLDECL
	"<p:sldLayout" ROOT_NS " type=\"title\"><p:cSld name=\"Title\"><p:spTree>"
	NV_GRP("p") TITLE("Layout") "</p:spTree></p:cSld>"
	"<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>";

static const char layout_rels[] = XMLDECL
	"<Relationships xmlns=\"" NS_PKG "\">"
	REL("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")
	"</Relationships>";

static const char master[] = XMLDECL
	"<p:sldMaster" ROOT_NS "><p:cSld><p:bg><p:bgRef idx=\"1001\">"
	"<a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>" NV_GRP("p")
	"<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title\"/><p:cNvSpPr/>"
	"<p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr>"
	XFRM("a:xfrm", "457200", "274638", "8229600", "1143000")
	"<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>"
	"<p:txBody><a:bodyPr anchor=\"ctr\"/><a:p><a:r><a:rPr lang=\"en-US\"/>"
	"<a:t>Master</a:t></a:r></a:p></p:txBody></p:sp>"
	"</p:spTree></p:cSld>"
	"<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\""
	" accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\""
	" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>"
	"<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst>"
	"<p:txStyles><p:titleStyle><a:lvl1pPr algn=\"ctr\"><a:defRPr sz=\"4400\">"
	"<a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mj-lt\"/>"
	"</a:defRPr></a:lvl1pPr></p:titleStyle><p:bodyStyle><a:lvl1pPr marL=\"342900\""
	" indent=\"-342900\"><a:buChar char=\"&#8226;\"/><a:defRPr sz=\"3200\"/></a:lvl1pPr>"
	"</p:bodyStyle><p:otherStyle><a:lvl1pPr><a:defRPr sz=\"1800\"/></a:lvl1pPr>"
	"</p:otherStyle></p:txStyles></p:sldMaster>";

static const char master_rels[] = XMLDECL
	"<Relationships xmlns=\"" NS_PKG "\">"
	REL("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml")
	REL("rId2", "theme", "../theme/theme1.xml")
	"</Relationships>";

#define SRGB(slot, hex) "<a:" slot "><a:srgbClr val=\"" hex "\"/></a:" slot ">"
#define FILL3 \
	"<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>" \
	"<a:gradFill><a:gsLst><a:gs pos=\"0\"><a:schemeClr val=\"phClr\"><a:tint val=\"50000\"/>" \
	"</a:schemeClr></a:gs><a:gs pos=\"100000\"><a:schemeClr val=\"phClr\"/></a:gs>" \
	"</a:gsLst><a:lin ang=\"5400000\" scaled=\"0\"/></a:gradFill>" \
	"<a:solidFill><a:schemeClr val=\"phClr\"><a:shade val=\"80000\"/></a:schemeClr></a:solidFill>"

static const char theme[] = XMLDECL
	"<a:theme xmlns:a=\"" NS_A "\" name=\"Fuzz\"><a:themeElements>"
	"<a:clrScheme name=\"Fuzz\"><a:dk1><a:sysClr val=\"windowText\" lastClr=\"000000\"/>"
	"</a:dk1><a:lt1><a:sysClr val=\"window\" lastClr=\"FFFFFF\"/></a:lt1>"
	SRGB("dk2", "44546A") SRGB("lt2", "E7E6E6") SRGB("accent1", "4472C4")
	SRGB("accent2", "ED7D31") SRGB("accent3", "A5A5A5") SRGB("accent4", "FFC000")
	SRGB("accent5", "5B9BD5") SRGB("accent6", "70AD47") SRGB("hlink", "0563C1")
	SRGB("folHlink", "954F72") "</a:clrScheme>"
	"<a:fontScheme name=\"Fuzz\"><a:majorFont><a:latin typeface=\"DejaVu Sans\"/>"
	"<a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:majorFont><a:minorFont>"
	"<a:latin typeface=\"DejaVu Serif\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/>"
	"</a:minorFont></a:fontScheme>"
	"<a:fmtScheme name=\"Fuzz\"><a:fillStyleLst>" FILL3 "</a:fillStyleLst>"
	"<a:lnStyleLst><a:ln w=\"6350\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
	"</a:ln><a:ln w=\"12700\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
	"</a:ln><a:ln w=\"19050\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
	"</a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle>"
	"<a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst>"
	"<a:outerShdw blurRad=\"57150\" dist=\"19050\" dir=\"5400000\"><a:srgbClr val=\"000000\">"
	"<a:alpha val=\"63000\"/></a:srgbClr></a:outerShdw></a:effectLst></a:effectStyle>"
	"</a:effectStyleLst><a:bgFillStyleLst>" FILL3 "</a:bgFillStyleLst></a:fmtScheme>"
	"</a:themeElements></a:theme>";

#define PT(idx, v) "<c:pt idx=\"" idx "\"><c:v>" v "</c:v></c:pt>"
static const char chart[] = XMLDECL
	"<c:chartSpace xmlns:c=\"" NS_C "\" xmlns:a=\"" NS_A "\" xmlns:r=\"" NS_R "\">"
	"<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Sales</a:t></a:r></a:p>"
	"</c:rich></c:tx><c:overlay val=\"0\"/></c:title><c:autoTitleDeleted val=\"0\"/>"
	"<c:plotArea><c:layout/><c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/>"
	"<c:varyColors val=\"0\"/><c:ser><c:idx val=\"0\"/><c:order val=\"0\"/>"
	"<c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache><c:ptCount val=\"1\"/>"
	PT("0", "East") "</c:strCache></c:strRef></c:tx>"
	"<c:spPr><a:solidFill><a:schemeClr val=\"accent1\"/></a:solidFill></c:spPr>"
	"<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$4</c:f><c:strCache><c:ptCount val=\"3\"/>"
	PT("0", "Q1") PT("1", "Q2") PT("2", "Q3") "</c:strCache></c:strRef></c:cat>"
	"<c:val><c:numRef><c:f>Sheet1!$B$2:$B$4</c:f><c:numCache><c:formatCode>General"
	"</c:formatCode><c:ptCount val=\"3\"/>" PT("0", "4.3") PT("1", "-2.5") PT("2", "3.5")
	"</c:numCache></c:numRef></c:val></c:ser><c:gapWidth val=\"150\"/>"
	"<c:axId val=\"1\"/><c:axId val=\"2\"/></c:barChart>"
	"<c:catAx><c:axId val=\"1\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling>"
	"<c:delete val=\"0\"/><c:axPos val=\"b\"/><c:crossAx val=\"2\"/></c:catAx>"
	"<c:valAx><c:axId val=\"2\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling>"
	"<c:delete val=\"0\"/><c:axPos val=\"l\"/><c:majorGridlines/><c:numFmt "
	"formatCode=\"General\" sourceLinked=\"1\"/><c:crossAx val=\"1\"/></c:valAx>"
	"</c:plotArea><c:legend><c:legendPos val=\"r\"/><c:overlay val=\"0\"/></c:legend>"
	"<c:plotVisOnly val=\"1\"/></c:chart></c:chartSpace>";

static const char diagram_data[] = XMLDECL
	"<dgm:dataModel xmlns:dgm=\"" NS_DGM "\" xmlns:a=\"" NS_A "\"><dgm:ptLst>"
	"<dgm:pt modelId=\"{0}\" type=\"doc\"/></dgm:ptLst><dgm:extLst>"
	"<a:ext uri=\"http://schemas.microsoft.com/office/drawing/2008/diagram\">"
	"<dsp:dataModelExt xmlns:dsp=\"" NS_DSP "\" relId=\"rId5\"/></a:ext>"
	"</dgm:extLst></dgm:dataModel>";

static const char diagram_drawing[] = XMLDECL
	"<dsp:drawing xmlns:dgm=\"" NS_DGM "\" xmlns:dsp=\"" NS_DSP "\" xmlns:a=\"" NS_A "\">"
	"<dsp:spTree><dsp:nvGrpSpPr><dsp:cNvPr id=\"0\" name=\"\"/><dsp:cNvGrpSpPr/>"
	"</dsp:nvGrpSpPr><dsp:grpSpPr/><dsp:sp modelId=\"{1}\"><dsp:nvSpPr>"
	"<dsp:cNvPr id=\"0\" name=\"\"/><dsp:cNvSpPr/></dsp:nvSpPr><dsp:spPr>"
	XFRM("a:xfrm", "0", "0", "2286000", "1143000")
	"<a:prstGeom prst=\"roundRect\"><a:avLst/></a:prstGeom><a:solidFill>"
	"<a:schemeClr val=\"accent2\"/></a:solidFill></dsp:spPr><dsp:style>"
	"<a:lnRef idx=\"2\"><a:scrgbClr r=\"0\" g=\"0\" b=\"0\"/></a:lnRef><a:fillRef idx=\"1\">"
	"<a:scrgbClr r=\"0\" g=\"0\" b=\"0\"/></a:fillRef><a:effectRef idx=\"0\">"
	"<a:scrgbClr r=\"0\" g=\"0\" b=\"0\"/></a:effectRef><a:fontRef idx=\"minor\">"
	"<a:schemeClr val=\"lt1\"/></a:fontRef></dsp:style><dsp:txBody><a:bodyPr anchor=\"ctr\"/>"
	"<a:lstStyle/><a:p><a:pPr algn=\"ctr\"/><a:r><a:rPr lang=\"en-US\" sz=\"2000\"/>"
	"<a:t>Step</a:t></a:r></a:p></dsp:txBody>" XFRM("dsp:txXfrm", "0", "0", "2286000",
	"1143000") "</dsp:sp></dsp:spTree></dsp:drawing>";

/* A 4x4 RGB PNG: a red and blue checkerboard. */
static const unsigned char image_png[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
	0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x04,
	0x08, 0x02, 0x00, 0x00, 0x00, 0x26, 0x93, 0x09, 0x29, 0x00, 0x00, 0x00,
	0x16, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0xf8, 0xcf, 0x00, 0x04,
	0xff, 0x21, 0x24, 0x82, 0xf5, 0x1f, 0xca, 0xc5, 0x2a, 0x03, 0x00, 0x9e,
	0xa3, 0x0f, 0xf1, 0xdd, 0x56, 0x5c, 0xee, 0x00, 0x00, 0x00, 0x00, 0x49,
	0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82
};

#define TEXT_FILE(name, s) { name, s, sizeof s - 1 }
static const fuzz_file template_files[] = {
	TEXT_FILE("[Content_Types].xml", content_types),
	TEXT_FILE("_rels/.rels", root_rels),
	TEXT_FILE("ppt/presentation.xml", presentation),
	TEXT_FILE("ppt/_rels/presentation.xml.rels", presentation_rels),
	TEXT_FILE("ppt/slides/slide1.xml", slide),
	TEXT_FILE("ppt/slides/_rels/slide1.xml.rels", slide_rels),
	TEXT_FILE("ppt/slideLayouts/slideLayout1.xml", layout),
	TEXT_FILE("ppt/slideLayouts/_rels/slideLayout1.xml.rels", layout_rels),
	TEXT_FILE("ppt/slideMasters/slideMaster1.xml", master),
	TEXT_FILE("ppt/slideMasters/_rels/slideMaster1.xml.rels", master_rels),
	TEXT_FILE("ppt/theme/theme1.xml", theme),
	TEXT_FILE("ppt/charts/chart1.xml", chart),
	TEXT_FILE("ppt/diagrams/data1.xml", diagram_data),
	TEXT_FILE("ppt/diagrams/drawing1.xml", diagram_drawing),
	{ "ppt/media/image1.png", image_png, sizeof image_png },
};
enum { N_TEMPLATE = sizeof template_files / sizeof template_files[0] };

static void
put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char) v;
	p[1] = (unsigned char) (v >> 8);
}

static void
put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xFFFF);
	put16(p + 2, v >> 16);
}

/* One ZIP header (local: 30 bytes, central: 46) for a stored entry. */
static size_t
zip_header(unsigned char *p, int central, const fuzz_file *f, uint32_t crc,
           uint32_t offset)
{
	size_t nlen = strlen(f->name), at = central ? 6 : 4;

	memset(p, 0, central ? 46 : 30);
	put32(p, central ? 0x02014b50 : 0x04034b50);
	if (central)
		put16(p + 4, 20);         /* version made by */
	put16(p + at, 20);            /* version needed: 2.0 */
	put16(p + at + 8, 0x21);      /* date: 1980-01-01 */
	put32(p + at + 10, crc);
	put32(p + at + 14, (uint32_t) f->size);
	put32(p + at + 18, (uint32_t) f->size);
	put16(p + at + 22, (unsigned) nlen);
	if (central)
		put32(p + 42, offset);
	memcpy(p + (central ? 46 : 30), f->name, nlen);
	return (central ? 46 : 30) + nlen;
}

unsigned char *
fuzz_zip(const fuzz_file *files, size_t n, size_t *size_out)
{
	size_t total = 22, at = 0, cd_start;
	uint32_t *offsets, *crcs;
	unsigned char *buf, *eocd;

	for (size_t i = 0; i < n; i++)
		total += 30 + 46 + 2 * strlen(files[i].name) + files[i].size;
	buf = malloc(total);
	offsets = calloc(n + 1, sizeof *offsets);
	crcs = calloc(n + 1, sizeof *crcs);
	if (!buf || !offsets || !crcs) {
		free(buf);
		free(offsets);
		free(crcs);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		offsets[i] = (uint32_t) at;
		crcs[i] = libdeflate_crc32(0, files[i].data, files[i].size);
		at += zip_header(buf + at, 0, &files[i], crcs[i], 0);
		if (files[i].size)
			memcpy(buf + at, files[i].data, files[i].size);
		at += files[i].size;
	}
	cd_start = at;
	for (size_t i = 0; i < n; i++)
		at += zip_header(buf + at, 1, &files[i], crcs[i], offsets[i]);
	eocd = buf + at;
	memset(eocd, 0, 22);
	put32(eocd, 0x06054b50);
	put16(eocd + 8, (unsigned) n);
	put16(eocd + 10, (unsigned) n);
	put32(eocd + 12, (uint32_t) (at - cd_start));
	put32(eocd + 16, (uint32_t) cd_start);
	free(offsets);
	free(crcs);
	*size_out = at + 22;
	return buf;
}

unsigned char *
fuzz_template(const char *replace, const void *data, size_t size,
              size_t *size_out)
{
	fuzz_file files[N_TEMPLATE];

	memcpy(files, template_files, sizeof files);
	for (size_t i = 0; i < N_TEMPLATE; i++)
		if (replace && !strcmp(files[i].name, replace)) {
			files[i].data = data;
			files[i].size = size;
		}
	return fuzz_zip(files, N_TEMPLATE, size_out);
}

void
fuzz_limits(s2p_limits *lim)
{
	s2p_limits_default(lim);
	/* small enough that a -max_len input cannot be slow for a legitimate
	 * reason; far above anything the 64 px drawing needs */
	lim->max_part_bytes = 16u << 20;
	lim->max_total_bytes = 64u << 20;
	lim->max_xml_nodes = 200000;
	lim->max_shapes = 5000;
	lim->max_image_pixels = 4u << 20;
}

/* Once per process: what s2p_deck_open() does first, and the worker. */
static draw_worker *
fuzz_worker(void)
{
	static draw_worker *worker;
	static int tried;
	s2p_error err;

	if (!tried) {
		tried = 1;
		xmlInitParser();
		draw_global_init();
		s2p_error_clear(&err);
		worker = draw_worker_new(&err);
		if (!worker)
			abort(); /* the harness cannot work at all */
	}
	return worker;
}

enum { FUZZ_MAX_SLIDES = 4, FUZZ_WIDTH = 64 };

static void
draw_one(const pml_presentation *p, uint32_t index, const s2p_limits *lim,
         char *outcome, size_t outcome_size)
{
	pml_presentation *one;
	pml_diag_list diags;
	cairo_surface_t *surf = NULL;
	s2p_error err;
	double h;

	s2p_error_clear(&err);
	memset(&diags, 0, sizeof diags);
	one = split_slide(p, index, &err);
	if (one) {
		h = (double) FUZZ_WIDTH * (double) p->sld_cy / (double) p->sld_cx;
		h = h < 1 || h != h ? 1 : h > 4 * FUZZ_WIDTH ? 4 * FUZZ_WIDTH : h;
		surf = draw_slide(fuzz_worker(), one, FUZZ_WIDTH, (int) h, lim, &diags,
		                  &err);
	}
	if (surf)
		fuzz_note(outcome, outcome_size, "slide %u: drawn", index + 1);
	else
		fuzz_note(outcome, outcome_size, "slide %u: not drawn (%s)", index + 1,
		          s2p_strerror(err.code));
	if (surf)
		cairo_surface_destroy(surf);
	pml_diag_list_fini(&diags);
	pml_presentation_free(one);
}

void
fuzz_deck(const void *zip, size_t size, int draw, char *outcome,
          size_t outcome_size)
{
	opc_package *pkg;
	pml_presentation *p = NULL;
	s2p_limits lim;
	s2p_error err;

	fuzz_worker();
	fuzz_limits(&lim);
	s2p_error_clear(&err);
	pkg = opc_package_open_memory(zip, size, "fuzz.pptx", &lim, &err);
	if (pkg)
		p = load_presentation(pkg, &err);
	opc_package_close(pkg);
	if (!p) {
		fuzz_note(outcome, outcome_size, "deck: %s", s2p_strerror(err.code));
		return;
	}
	fuzz_note(outcome, outcome_size, "deck: %u slides", p->n_slides);
	for (uint32_t i = 0; i < p->n_slides && i < FUZZ_MAX_SLIDES; i++) {
		const pml_slide_entry *e = &p->slides[i];
		if (!e->slide)
			fuzz_note(outcome, outcome_size, "slide %u: %s", i + 1,
			          s2p_strerror(e->error.code));
		else if (draw)
			draw_one(p, i, &lim, outcome, outcome_size);
		else
			fuzz_note(outcome, outcome_size, "slide %u: loaded", i + 1);
	}
	pml_presentation_free(p);
}

void
fuzz_part(const char *part, const uint8_t *data, size_t size, char *outcome,
          size_t outcome_size)
{
	size_t zip_size;
	unsigned char *zip = fuzz_template(part, data, size, &zip_size);

	if (!zip)
		return;
	fuzz_deck(zip, zip_size, 1, outcome, outcome_size);
	free(zip);
}
