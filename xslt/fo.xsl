<?xml version="1.0" encoding="UTF-8"?>
<!--
  XSL-FO for Apache FOP and other formatters: B5 pages, running heads (author on even
  pages, short title on odd ones), page numbers, footnotes with fo:footnote, the summary
  on its own page. Shares labels, numbering and text rules with the HTML editions (common.xsl)
  and the rules for drama, speeches, letters, verse, apparatus, Leiden signs, EpiDoc divisions
  and dictionaries (genres.xsl), for which it makes the blocks and inlines (t:block, t:inline).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:t="urn:teiedit:xslt"
  xmlns:fo="http://www.w3.org/1999/XSL/Format"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:import href="common.xsl"/>
  <xsl:include href="genres.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:variable name="t:font" select="'DejaVu Serif, serif'"/>

  <xsl:template match="/">
    <fo:root font-family="{$t:font}" font-size="10pt" line-height="1.4" language="{substring-before(t:doc-lang(.) || '-', '-')}">
      <fo:layout-master-set>
        <xsl:for-each select="('first', 'odd', 'even')">
          <fo:simple-page-master master-name="{.}" page-width="176mm" page-height="250mm"
              margin-top="12mm" margin-bottom="12mm" margin-left="20mm" margin-right="20mm">
            <fo:region-body margin-top="10mm" margin-bottom="12mm"/>
            <fo:region-before region-name="head-{.}" extent="8mm"/>
            <fo:region-after region-name="foot" extent="8mm"/>
          </fo:simple-page-master>
        </xsl:for-each>
        <fo:page-sequence-master master-name="pages">
          <fo:repeatable-page-master-alternatives>
            <fo:conditional-page-master-reference master-reference="first" page-position="first"/>
            <fo:conditional-page-master-reference master-reference="odd" odd-or-even="odd"/>
            <fo:conditional-page-master-reference master-reference="even" odd-or-even="even"/>
          </fo:repeatable-page-master-alternatives>
        </fo:page-sequence-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="pages">
        <fo:static-content flow-name="head-even">
          <fo:block font-size="8.5pt" font-style="italic" text-align="start">{string-join(t:authors(.), ', ')}</fo:block>
        </fo:static-content>
        <fo:static-content flow-name="head-odd">
          <fo:block font-size="8.5pt" font-style="italic" text-align="end">{t:short-title(.)}</fo:block>
        </fo:static-content>
        <fo:static-content flow-name="foot">
          <fo:block font-size="9pt" text-align="center"><fo:page-number/></fo:block>
        </fo:static-content>
        <fo:static-content flow-name="xsl-footnote-separator">
          <fo:block><fo:leader leader-pattern="rule" leader-length="30%" rule-thickness="0.5pt"/></fo:block>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body" hyphenate="true">
          <xsl:if test="not(//text/front/docTitle)">
            <fo:block font-size="15pt" font-weight="bold" text-align="center" space-after="4mm">{t:title(.)}</fo:block>
          </xsl:if>
          <xsl:apply-templates select="/*/teiHeader/profileDesc/correspDesc, /*/teiHeader/fileDesc/sourceDesc//msDesc"/>
          <xsl:for-each select="/TEI/text | /teiCorpus/TEI/text">
            <xsl:if test="parent::TEI/parent::teiCorpus">
              <fo:block xsl:use-attribute-sets="t:head" font-size="12.5pt" break-before="page">{t:title(..)}</fo:block>
              <xsl:apply-templates select="../teiHeader/profileDesc/correspDesc, ../teiHeader/fileDesc/sourceDesc//msDesc"/>
            </xsl:if>
            <xsl:apply-templates select="."/>
          </xsl:for-each>
          <xsl:for-each select="t:source-citation(.)">
            <fo:block font-size="8pt" space-before="8mm">{t:label('source')}: {.}</fo:block>
          </xsl:for-each>
          <xsl:if test="not(/TEI/text | /teiCorpus/TEI/text)"><fo:block/></xsl:if>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- The look of each kind of block and inline of genres.xsl (by its class). -->
  <xsl:variable name="t:fo-styles" as="map(xs:string, map(xs:string, xs:string))" select="map{
      'speaker': map{'font-weight': 'bold', 'keep-with-next.within-page': 'always', 'space-before': '2mm'},
      'stage': map{'font-style': 'italic', 'space-before': '1mm', 'space-after': '1mm'},
      'castList': map{'space-after': '4mm'},
      'subhead': map{'font-weight': 'bold', 'space-after': '1mm'},
      'cast': map{'start-indent': '4mm'},
      'l': map{'text-align': 'start'},
      'lg': map{'space-before': '2mm', 'space-after': '2mm', 'start-indent': '6mm'},
      'l-n': map{'font-size': '7pt', 'color': '#555555', 'padding-end': '1.5mm'},
      'note-inline': map{'font-size': '9pt', 'font-style': 'italic', 'space-before': '1mm', 'space-after': '1mm'},
      'incident': map{'font-style': 'italic'},
      'opener': map{'space-after': '3mm'}, 'closer': map{'space-before': '3mm', 'text-align': 'end'},
      'dateline': map{'text-align': 'end'}, 'salute': map{'space-before': '1mm'},
      'signed': map{'text-align': 'end'}, 'postscript': map{'space-before': '3mm'},
      'epigraph': map{'start-indent': '20mm', 'font-size': '9pt'}, 'argument': map{'font-style': 'italic'},
      'rdgs': map{'font-size': '8pt', 'color': '#444444'}, 'wit': map{'font-style': 'italic'},
      'unclear': map{'text-decoration': 'underline'}, 'gap-desc': map{'font-style': 'italic'},
      'entry': map{'space-before': '2mm'}, 'entryFree': map{'space-before': '2mm'},
      'sense': map{'start-indent': '4mm'}, 'sense-n': map{'font-weight': 'bold'},
      'form': map{'font-weight': 'bold'}, 'orth': map{'font-weight': 'bold'}, 'def': map{'font-style': 'italic'},
      'u': map{'space-before': '2mm'}}"/>
  <xsl:template name="t:fo-style">
    <xsl:param name="class" as="xs:string"/>
    <xsl:variable name="style" select="($t:fo-styles(replace($class, ' block$', '')), map{})[1]"/>
    <xsl:for-each select="sort(map:keys($style))"><xsl:attribute name="{.}" select="$style(.)"/></xsl:for-each>
    <xsl:call-template name="t:lang"/>
  </xsl:template>
  <!-- Blocks of the genre rules: an fo:block (a list item with its bullet space as a block
       too: cast lists are short), inside a paragraph an fo:inline, as FO wants. -->
  <xsl:template name="t:block">
    <xsl:param name="tag" as="xs:string" select="'div'"/>
    <xsl:param name="class" as="xs:string?" select="local-name()"/>
    <xsl:param name="content" as="node()*"><xsl:apply-templates/></xsl:param>
    <fo:block>
      <xsl:call-template name="t:fo-style"><xsl:with-param name="class" select="($class, '')[1]"/></xsl:call-template>
      <xsl:sequence select="$content"/>
    </fo:block>
  </xsl:template>
  <xsl:template name="t:inline">
    <xsl:param name="class" as="xs:string" select="local-name()"/>
    <xsl:param name="title" as="xs:string?"/>
    <xsl:param name="content" as="item()*"><xsl:apply-templates/></xsl:param>
    <xsl:element name="{if (ends-with($class, ' block')) then 'fo:block' else 'fo:inline'}">
      <xsl:call-template name="t:fo-style"><xsl:with-param name="class" select="$class"/></xsl:call-template>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>
  <!-- Who wrote to whom (the header's correspDesc), a manuscript's shelfmark: before the text. -->
  <xsl:template match="correspDesc">
    <xsl:for-each select="correspAction">
      <fo:block font-size="9pt"><fo:inline font-weight="bold">{t:label('corresp-' || (@type, 'action')[1])}: </fo:inline>{t:corresp-action(.)}</fo:block>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="msDesc">
    <fo:block font-size="9pt" space-after="4mm" keep-together.within-page="auto">
      <fo:block font-weight="bold">{t:label('msDesc')}</fo:block>
      <fo:block>{string-join(msIdentifier//text()[matches(., '[\p{L}\p{N}]')] ! normalize-space(.), ', ')}</fo:block>
      <xsl:for-each select=".//(p | ab)[not(ancestor::p or ancestor::ab)]"><fo:block><xsl:apply-templates/></fo:block></xsl:for-each>
    </fo:block>
  </xsl:template>
  <xsl:template match="space"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="fw"/>

  <xsl:template name="t:lang">
    <xsl:if test="@xml:lang[t:known-lang(.)]"><xsl:attribute name="language" select="substring-before(@xml:lang || '-', '-')"/></xsl:if>
  </xsl:template>

  <xsl:template match="text | front | body | back">
    <fo:block><xsl:call-template name="t:lang"/><xsl:apply-templates/></fo:block>
  </xsl:template>
  <xsl:template match="docTitle">
    <fo:block font-size="15pt" font-weight="bold" text-align="center" space-after="4mm" hyphenate="false"><xsl:apply-templates/></fo:block>
  </xsl:template>
  <xsl:template match="docAuthor | byline | docImprint | docDate">
    <fo:block text-align="center" space-after="4mm"><xsl:apply-templates/></fo:block>
  </xsl:template>
  <xsl:template match="div | div1 | div2 | div3">
    <fo:block>
      <xsl:if test="@type = 'summary'"><xsl:attribute name="break-before" select="'page'"/></xsl:if>
      <xsl:call-template name="t:lang"/>
      <xsl:for-each select="t:div-label(.)"><fo:block xsl:use-attribute-sets="t:head">{.}</fo:block></xsl:for-each>
      <xsl:apply-templates/></fo:block>
  </xsl:template>
  <xsl:attribute-set name="t:head">
    <xsl:attribute name="font-weight" select="'bold'"/>
    <xsl:attribute name="space-before" select="'5mm'"/>
    <xsl:attribute name="space-after" select="'2mm'"/>
    <xsl:attribute name="keep-with-next.within-page" select="'always'"/>
    <xsl:attribute name="hyphenate" select="'false'"/>
  </xsl:attribute-set>
  <xsl:template match="head">
    <fo:block xsl:use-attribute-sets="t:head" font-size="{if (count(ancestor::div) le 1) then '11.5pt' else '10.5pt'}">
      <xsl:call-template name="t:lang"/><xsl:apply-templates/></fo:block>
  </xsl:template>
  <xsl:template match="head[@type = 'sub']">
    <fo:block font-style="italic" text-align="center" space-after="3mm"><xsl:apply-templates/></fo:block>
  </xsl:template>
  <xsl:template match="p | ab">
    <fo:block text-indent="1.2em" text-align="justify" orphans="2" widows="2">
      <xsl:call-template name="t:lang"/><xsl:apply-templates/></fo:block>
  </xsl:template>
  <xsl:template match="list | listBibl">
    <fo:list-block provisional-distance-between-starts="5mm">
      <xsl:for-each select="* except head">
        <fo:list-item><fo:list-item-label end-indent="label-end()"><fo:block>•</fo:block></fo:list-item-label>
          <fo:list-item-body start-indent="body-start()"><fo:block><xsl:apply-templates/></fo:block></fo:list-item-body></fo:list-item>
      </xsl:for-each>
    </fo:list-block>
  </xsl:template>
  <xsl:template match="quote[parent::div or parent::body]">
    <fo:block margin-left="8mm" margin-right="8mm" font-size="9pt"><xsl:apply-templates/></fo:block>
  </xsl:template>

  <xsl:template match="note">
    <fo:footnote>
      <fo:inline baseline-shift="super" font-size="7pt">{t:note-mark(.)}</fo:inline>
      <fo:footnote-body>
        <fo:block font-size="8pt" line-height="1.3" text-align="justify" text-indent="0" font-style="normal" font-weight="normal">
          <xsl:call-template name="t:lang"/>
          <fo:inline>{t:note-mark(.)}&#x2002;</fo:inline><xsl:apply-templates/></fo:block>
      </fo:footnote-body>
    </fo:footnote>
  </xsl:template>
  <xsl:template match="note//p | note//ab"><fo:block><xsl:apply-templates/></fo:block></xsl:template>
  <xsl:template match="note/label[1][not(preceding-sibling::node()[normalize-space()])]"/>

  <xsl:template match="label | hi[matches(@rend, 'bold')]"><fo:inline font-weight="bold"><xsl:apply-templates/></fo:inline></xsl:template>
  <xsl:template match="emph | hi[matches(@rend, 'italic')] | title[not(@level = 'a')]">
    <fo:inline font-style="italic"><xsl:apply-templates/></fo:inline>
  </xsl:template>
  <xsl:template match="foreign | persName | orgName | placeName | date | q | quote | said | term">
    <fo:inline><xsl:call-template name="t:lang"/><xsl:apply-templates/></fo:inline>
  </xsl:template>
  <xsl:template match="choice"><xsl:apply-templates select="(corr, reg, expan, *)[1]/node()"/></xsl:template>
  <xsl:template match="pb" mode="t:marker"><fo:inline font-size="7pt" color="#555555">{t:pb-mark(., '')}</fo:inline></xsl:template>
  <xsl:template match="lb"><xsl:value-of select="t:lb-space(.)"/></xsl:template>
  <xsl:template match="table">
    <fo:table table-layout="fixed" width="100%"><fo:table-body>
      <xsl:for-each select="row"><fo:table-row><xsl:for-each select="cell"><fo:table-cell><fo:block><xsl:apply-templates/></fo:block></fo:table-cell></xsl:for-each></fo:table-row></xsl:for-each>
    </fo:table-body></fo:table>
  </xsl:template>
  <xsl:template match="cb | milestone | anchor | index | interp | interpGrp | link | linkGrp | span | spanGrp"/>
</xsl:stylesheet>
