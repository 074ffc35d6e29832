#!/usr/bin/env python3
"""Makes the hand-built fixtures of this folder (run once; see README.md).

table.docx   python-docx: a heading, paragraphs, a table of amounts, a page break
notes.docx   WordprocessingML written by hand: footnotes, a tab, a deleted run,
             a field code, a text box given twice (mc:AlternateContent), and a
             page break Word recorded (lastRenderedPageBreak)
notice.ofd   an OFD (GB/T 33190-2016) written by hand: OFD.xml -> Document.xml
             -> two pages of TextObjects, several text codes on a line
cut.docx     table.docx cut in half (a download broken off)
book.xlsx    a zip holding only xl/workbook.xml: a spreadsheet, not read
numbered.docx  list labels (一、 （一） 1.) drawn from numbering.xml
Every sentence is made up for these tests.
"""
import io
import zipfile

import docx  # python3-docx

# --- table.docx ---------------------------------------------------------------
d = docx.Document()
d.add_paragraph("关于支持青年人才创业的若干措施")
d.add_paragraph("一、对新引进的博士给予每人30万元安家补贴。")
table = d.add_table(rows=4, cols=3)
rows = [("项目", "对象", "金额"), ("安家补贴", "博士", "30万元"), ("安家补贴", "硕士", "8万元"),
        ("创业资助", "每个团队", "最高200万元")]
for r, values in enumerate(rows):
    for c, value in enumerate(values):
        table.cell(r, c).text = value
d.add_page_break()
d.add_paragraph("二、力争到2025年，青年人才占比达到15%，新增创业团队120个。")
d.save("table.docx")

# --- cut.docx -----------------------------------------------------------------
data = open("table.docx", "rb").read()
open("cut.docx", "wb").write(data[: len(data) // 2])

# --- notes.docx ---------------------------------------------------------------
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
content_types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
</Types>"""
package_rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
document_rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>"""
document = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W} {MC} {R}><w:body>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>第一条</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">对企业给予</w:t></w:r><w:del w:id="1" w:author="x"><w:r><w:delText>20</w:delText></w:r></w:del><w:ins w:id="2" w:author="x"><w:r><w:t>50</w:t></w:r></w:ins><w:r><w:t>万元奖励</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>。</w:t></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:lastRenderedPageBreak/><w:t>第二条</w:t></w:r><w:r><w:br/><w:t>引进人才30名。</w:t></w:r></w:p>
<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>
</w:body></w:document>"""
footnotes = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {W}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>奖励资金由市财政承担60%。</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""
with zipfile.ZipFile("notes.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", content_types)
    z.writestr("_rels/.rels", package_rels)
    z.writestr("word/document.xml", document)
    z.writestr("word/_rels/document.xml.rels", document_rels)
    z.writestr("word/footnotes.xml", footnotes)

# --- notice.ofd ---------------------------------------------------------------
OFD = 'xmlns:ofd="http://www.ofdspec.org/2016"'
ofd_xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:OFD {OFD} Version="1.0" DocType="OFD">
<ofd:DocBody><ofd:DocInfo><ofd:DocID>0c0ffee0</ofd:DocID><ofd:Title>示例</ofd:Title></ofd:DocInfo>
<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody>
</ofd:OFD>"""
document_xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Document {OFD}>
<ofd:CommonData><ofd:MaxUnitID>20</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>
<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>
<ofd:Pages>
<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>
<ofd:Page ID="2" BaseLoc="/Doc_0/Pages/Page_1/Content.xml"/>
</ofd:Pages>
</ofd:Document>"""
public_res = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Res {OFD} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="宋体"/></ofd:Fonts></ofd:Res>"""


def text_object(id, x, y, code, size=5.0):
    return (f'<ofd:TextObject ID="{id}" Boundary="{x} {y} 150 8" Font="3" Size="{size}">'
            f'<ofd:TextCode X="0" Y="6">{code}</ofd:TextCode></ofd:TextObject>')


page0 = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Page {OFD}><ofd:Content><ofd:Layer ID="4">
{text_object(5, 30, 30, "关于印发人才引进办法的通知")}
{text_object(6, 20, 50, "一、对引进的高层次人才给予")}{text_object(7, 95, 50, "100万元安家补贴。")}
{text_object(8, 20, 60, "二、每年引进急需紧缺人才200名以上。")}
</ofd:Layer></ofd:Content></ofd:Page>"""
page1 = f"""<?xml version="1.0" encoding="UTF-8"?>
<ofd:Page {OFD}><ofd:Content><ofd:Layer ID="9">
{text_object(10, 20, 30, "三、人才住房保障覆盖率达到90%。")}
</ofd:Layer></ofd:Content></ofd:Page>"""
with zipfile.ZipFile("notice.ofd", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("OFD.xml", ofd_xml)
    z.writestr("Doc_0/Document.xml", document_xml)
    z.writestr("Doc_0/PublicRes.xml", public_res)
    z.writestr("Doc_0/Pages/Page_0/Content.xml", page0)
    z.writestr("Doc_0/Pages/Page_1/Content.xml", page1)

# --- book.xlsx: a zip that is neither DOCX nor OFD (only the part that names it)
with zipfile.ZipFile("book.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')

# --- numbered.docx: list labels Word draws from numbering.xml, not in the text
numbering = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def numbered(level, text):
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            f'<w:r><w:t>{text}</w:t></w:r></w:p>')


body = "".join([numbered(0, "总体要求"), numbered(1, "工作目标"), numbered(1, "基本原则"), numbered(0, "主要措施"),
                numbered(1, "人才引进"), numbered(2, "给予每人5万元补贴。"), numbered(2, "引进博士10名。"),
                '<w:p><w:r><w:t>附件</w:t></w:r></w:p>'])
numbered_rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>"""
with zipfile.ZipFile("numbered.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", content_types)
    z.writestr("_rels/.rels", package_rels)
    z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>')
    z.writestr("word/_rels/document.xml.rels", numbered_rels)
    z.writestr("word/numbering.xml", numbering)
