<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition: HTML with CSS Paged Media for WeasyPrint (B5 pages, running heads,
  footnotes at the foot of the page where they are called, the Serbian summary on its own page).
  Shares every structural rule with the screen edition through xhtml.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teiedit:xslt"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:import href="xhtml.xsl"/>
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- A string as a CSS string literal. -->
  <xsl:function name="t:css-string" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="'&quot;' || replace(replace($s, '\\', '\\\\'), '&quot;', '\\&quot;') || '&quot;'"/>
  </xsl:function>

  <xsl:template match="/">
    <html lang="{t:doc-lang(.)}">
      <head>
        <meta charset="utf-8"/>
        <title>{t:title(.)}</title>
        <!-- WeasyPrint copies these into the PDF's document information. -->
        <xsl:for-each select="string-join(t:authors(.), ', ')[.]"><meta name="author" content="{.}"/></xsl:for-each>
        <meta name="generator" content="teiedit"/>
        <style>
          <xsl:value-of select="unparsed-text('assets/print.css')"/>
          @page :left {{ @top-left {{ content: {t:css-string(string-join(t:authors(.), ', '))}; }} }}
          @page :right {{ @top-right {{ content: {t:css-string(t:short-title(.))}; }} }}
        </style>
      </head>
      <body>
        <xsl:if test="not(//text/front/docTitle)">
          <h1 class="doc-title">{t:title(.)}</h1>
        </xsl:if>
        <xsl:call-template name="t:text-body"/>
        <xsl:for-each select="t:source-citation(.)">
          <p class="colophon">{t:label('source')}: {.}</p>
        </xsl:for-each>
        <xsl:for-each select="(//publicationStmt/availability//licence)[1]">
          <p class="colophon">{t:label('licence')}: {normalize-space(.)}<xsl:for-each select="@target[matches(., '^https?://')]"> (<a class="url" href="{.}">{.}</a>)</xsl:for-each></p>
        </xsl:for-each>
      </body>
    </html>
  </xsl:template>

  <!-- A footnote stays where it is called; CSS floats it to the foot of that page. The
       call's place and the note have identifiers (named destinations of the PDF), so the
       page of each can be checked. -->
  <xsl:template match="note[t:is-footnote(.)]">
    <span class="call" id="call-{t:note-id(.)}"></span>
    <span class="footnote" id="fn-{t:note-id(.)}" data-mark="{t:note-mark(.)}">
      <xsl:call-template name="t:lang-attrs"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>
  <xsl:template match="note//p | note//ab">
    <span class="p"><xsl:call-template name="t:lang-attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- WeasyPrint breaks footnote lines at source newlines: hand it spaces instead. -->
  <xsl:template match="text()" priority="3">
    <xsl:variable name="text"><xsl:next-match/></xsl:variable>
    <xsl:sequence select="t:map-text($text/node(), translate(?, '&#10;&#13;&#9;', '   '))"/>
  </xsl:template>

  <!-- The text nodes of what a text rule made, changed by $f; elements kept as they are (the
       page marker a text node carries after a word the page break splits: flattened to
       text, it would print at the size of the text). -->
  <xsl:function name="t:map-text" as="node()*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="f" as="function(xs:string) as xs:string"/>
    <xsl:for-each select="$nodes">
      <xsl:choose>
        <xsl:when test="self::text()"><xsl:value-of select="$f(.)"/></xsl:when>
        <xsl:otherwise><xsl:copy-of select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <!-- On paper, names, dates and the parts of a reference look like the text around them:
       no element of their own (WeasyPrint lays out footnotes faster with fewer boxes). -->
  <xsl:template match="(persName | orgName | placeName | date | rs | name | bibl | idno | pubPlace
      | publisher | biblScope | author | editor | quote | q | said | term | seg | s | w | num
      | measure)[not(@xml:lang)]">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Paper has its own lines: the source's line beginnings only keep words apart. -->
  <xsl:template match="lb"><xsl:value-of select="t:lb-space(.)"/></xsl:template>

  <!-- A page break of the text (not of a note) carries its printed number for the PDF's
       page labels (pdf.py reads where each lands). -->
  <xsl:template match="pb" mode="t:marker">
    <span class="pb">
      <xsl:if test="@n and not(ancestor::note)"><xsl:attribute name="id" select="'printed-page-' || t:pb-id(.)"/><xsl:attribute name="data-n" select="@n"/></xsl:if>
      <xsl:value-of select="t:pb-mark(., '')"/>
    </span>
  </xsl:template>

  <!-- A note call never begins a line: the space before a call goes after it. -->
  <xsl:template match="text()[following-sibling::node()[1][self::note[t:is-footnote(.)]]]" priority="5">
    <xsl:variable name="text"><xsl:next-match/></xsl:variable>
    <xsl:sequence select="t:map-text($text/node(), replace(?, '\s+$', ''))"/>
  </xsl:template>
  <xsl:template match="note[t:is-footnote(.)][preceding-sibling::node()[1][self::text()][matches(., '\s$')]]" priority="5">
    <xsl:next-match/>
    <xsl:if test="not(following-sibling::node()[1][self::text()][matches(., '^\s')])"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
</xsl:stylesheet>
