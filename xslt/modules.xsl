<?xml version="1.0" encoding="UTF-8"?>
<!--
  The HTML side of the rules for the kinds of TEI that repositories hold (genres.xsl, shared
  with the XSL-FO output): how a block and an inline are made in HTML, and the parts whose
  HTML has a shape of its own (correspDesc as a definition list, registers in the text folded,
  manuscript descriptions as labelled sections, spaces). Included by xhtml.xsl, so the screen
  and the print editions share them. Block-like elements become blocks where HTML allows one
  and a block-styled span inside a paragraph, so the page stays valid HTML whatever the nesting.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teiedit:xslt"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- Whether an element stands where HTML flow content (div, p) is allowed. -->
  <xsl:function name="t:in-flow" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="parent" select="$el/parent::*"/>
    <xsl:sequence select="exists($parent[self::text or self::body or self::front or self::back or self::div
        or self::div1 or self::div2 or self::div3 or self::div4 or self::div5 or self::group or self::floatingText
        or self::titlePage or self::cell or self::note[t:is-footnote(.)][p | ab | list | quote[p]]])
      or exists($parent[self::sp or self::u or self::lg or self::opener or self::closer or self::postscript
        or self::castList or self::entry or self::entryFree or self::superEntry or self::sense or self::re
        or self::listApp or self::item or self::list][t:in-flow(.)])"/>
  </xsl:function>

  <!-- A block: <div>/<p> in flow content, a span styled as a block elsewhere; a list (ul, li)
       as a list. -->
  <xsl:template name="t:block">
    <xsl:param name="tag" as="xs:string" select="'div'"/>
    <xsl:param name="class" as="xs:string?" select="local-name()"/>
    <xsl:param name="content" as="node()*"><xsl:apply-templates/></xsl:param>
    <xsl:element name="{if (t:in-flow(.) or $tag = ('ul', 'li')) then $tag else 'span'}">
      <xsl:variable name="classes" select="string-join(($class, 'block'[not(t:in-flow(current()))],
          @type ! ('type-' || replace(., '\s+', '-'))), ' ')"/>
      <xsl:if test="$classes"><xsl:attribute name="class" select="$classes"/></xsl:if>
      <xsl:call-template name="t:lang-attrs"/>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>

  <!-- An inline: a span of its class; a number the edition adds (verse line) is hidden from
       screen readers, which read the text. -->
  <xsl:template name="t:inline">
    <xsl:param name="class" as="xs:string" select="local-name()"/>
    <xsl:param name="title" as="xs:string?"/>
    <xsl:param name="content" as="item()*"><xsl:apply-templates/></xsl:param>
    <span class="{$class}">
      <xsl:if test="$class = 'l-n'"><xsl:attribute name="aria-hidden" select="'true'"/></xsl:if>
      <xsl:for-each select="$title"><xsl:attribute name="title" select="."/></xsl:for-each>
      <xsl:call-template name="t:lang-attrs"/>
      <xsl:sequence select="$content"/>
    </span>
  </xsl:template>

  <!-- ===== Correspondence ===== -->
  <!-- Who wrote to whom, where and when, from the header's correspDesc. -->
  <xsl:template match="correspDesc">
    <dl class="correspDesc">
      <xsl:for-each select="correspAction">
        <dt>{t:label('corresp-' || (@type, 'action')[1])}</dt>
        <dd>{t:corresp-action(.)}</dd>
      </xsl:for-each>
    </dl>
  </xsl:template>

  <!-- Lists of persons, places, organisations in the text (a letter's back matter):
       a register, folded, each entry with the identifier its mentions link to. -->
  <xsl:template match="listPerson | listPlace | listOrg | listNym">
    <details class="register">
      <summary>{(head ! normalize-space(.), t:label(local-name()))[1]} ({count(.//(person | personGrp | place | org | nym))})</summary>
      <ul>
        <xsl:for-each select="* except head">
          <li><xsl:apply-templates select="." mode="t:register-entry"/></li>
        </xsl:for-each>
      </ul>
    </details>
  </xsl:template>
  <xsl:template match="*" mode="t:register-entry">
    <xsl:for-each select="@xml:id"><xsl:attribute name="id" select="."/></xsl:for-each>
    <xsl:for-each select="*">
      <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
      <xsl:choose>
        <xsl:when test="self::listPerson or self::listPlace or self::listOrg or self::person or self::place or self::org">
          <ul><li><xsl:apply-templates select="." mode="t:register-entry"/></li></ul>
        </xsl:when>
        <xsl:otherwise><span class="{local-name()}"><xsl:apply-templates/></span></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== Transcription ===== -->
  <!-- A space left in the source: a space on the page too, never two words glued. -->
  <xsl:template match="space">
    <span class="space" style="{if (@unit = ('chars', 'char', 'letters')) then 'padding-left:' || min((number((@quantity, @extent, 1)[1]), 20))[not(string(.) = 'NaN')] * 0.5 || 'em' else ()}"><xsl:text> </xsl:text></span>
  </xsl:template>
  <!-- Running heads and page numbers of the source: shown with the printed lines only. -->
  <xsl:template match="fw"><span class="fw"><xsl:apply-templates/></span></xsl:template>

  <!-- ===== Manuscript descriptions (msDesc): shown before the text ===== -->
  <xsl:template match="msDesc">
    <!-- named by its heading and shelfmark: several descriptions are distinct regions -->
    <section class="msDesc" aria-labelledby="msdesc-{generate-id()}{msIdentifier ! (' msid-' || generate-id())}">
      <h2 id="msdesc-{generate-id()}">{t:label('msDesc')}</h2>
      <xsl:apply-templates select="msIdentifier" mode="t:ms"/>
      <xsl:apply-templates select="* except msIdentifier" mode="t:ms"/>
    </section>
  </xsl:template>
  <xsl:template match="msIdentifier" mode="t:ms" priority="1">
    <p class="msIdentifier" id="msid-{generate-id()}"><xsl:value-of select="string-join(.//text()[matches(., '[\p{L}\p{N}]')] ! normalize-space(.), ', ')"/></p>
  </xsl:template>
  <!-- Parts with parts of their own are labelled sections; the rest is text. -->
  <xsl:template match="*[*][not(self::p or self::ab or self::title or self::persName or self::placeName or self::date
      or self::locus or self::bibl or self::ref or self::hi or self::foreign or self::note or self::quote)]" mode="t:ms">
    <div class="ms-{local-name()}">
      <xsl:for-each select="t:known-label(local-name())"><span class="ms-label">{.}</span></xsl:for-each>
      <xsl:for-each select="@n"><xsl:text> </xsl:text><span class="ms-n">{.}</span></xsl:for-each>
      <xsl:apply-templates mode="t:ms"/>
    </div>
  </xsl:template>
  <xsl:template match="*" mode="t:ms">
    <xsl:choose>
      <xsl:when test="self::p or self::ab"><p><xsl:apply-templates/></p></xsl:when>
      <xsl:otherwise>
        <span class="ms-{local-name()}"><xsl:for-each select="t:known-label(local-name())"><span class="ms-label">{.}: </span></xsl:for-each><xsl:apply-templates/></span>
        <xsl:text> </xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="text()" mode="t:ms"><xsl:value-of select="."/></xsl:template>

</xsl:stylesheet>
