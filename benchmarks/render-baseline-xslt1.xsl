<?xml version="1.0" encoding="UTF-8"?>
<!-- Benchmark baseline only: the kind of plain XSLT 1.0 TEI → HTML a user would run with
     xsltproc/lxml (libxslt) instead of teiedit's XSLT 3.0 edition: sections, heads,
     paragraphs, notes collected at the end, page markers. No indexes, cards or chronology. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="tei">
  <xsl:output method="html" encoding="UTF-8"/>
  <xsl:template match="/">
    <html><head><meta charset="utf-8"/><title><xsl:value-of select="//tei:titleStmt/tei:title[1]"/></title></head>
      <body><xsl:apply-templates select="//tei:text"/>
        <section><h2>Notes</h2><xsl:apply-templates select="//tei:text//tei:note" mode="body"/></section>
      </body></html>
  </xsl:template>
  <xsl:template match="tei:div"><section><xsl:apply-templates/></section></xsl:template>
  <xsl:template match="tei:head"><h2><xsl:apply-templates/></h2></xsl:template>
  <xsl:template match="tei:p"><p><xsl:apply-templates/></p></xsl:template>
  <xsl:template match="tei:foreign"><span lang="{@xml:lang}"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="tei:fw | tei:teiHeader"/>
  <xsl:template match="tei:lb[not(@break = 'no')]"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="tei:pb"><a id="p{@n}">[p. <xsl:value-of select="@n"/>]</a></xsl:template>
  <xsl:template match="tei:note">
    <a href="#{generate-id()}" id="r{generate-id()}"><sup><xsl:value-of select="@n"/></sup></a>
  </xsl:template>
  <xsl:template match="tei:note" mode="body">
    <div id="{generate-id()}"><a href="#r{generate-id()}"><xsl:value-of select="@n"/></a>
      <xsl:text> </xsl:text><xsl:apply-templates/></div>
  </xsl:template>
</xsl:stylesheet>
