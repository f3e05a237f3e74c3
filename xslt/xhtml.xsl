<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML layer shared by the screen reading edition (html.xsl) and the print edition (print.xsl):
  how TEI structures and phrases become HTML elements. The two editions override only what
  differs between screen and paper: notes, names, page breaks and the page around the text.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teiedit:xslt"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>
  <xsl:include href="genres.xsl"/>
  <xsl:include href="modules.xsl"/>

  <!-- lang (and dir for right-to-left scripts) from @xml:lang. A tag that is not a registered
       language is not guessed at: lang="" (unknown) stops the outer language from being
       claimed, and data-lang keeps the source's value. -->
  <xsl:template name="t:lang-attrs">
    <xsl:param name="el" as="element()?" select="."/>
    <xsl:for-each select="$el/@xml:lang">
      <xsl:attribute name="lang" select="if (t:known-lang(.)) then string(.) else ''"/>
      <xsl:if test="not(t:known-lang(.)) and normalize-space()"><xsl:attribute name="data-lang" select="."/></xsl:if>
      <xsl:if test="t:dir(.)"><xsl:attribute name="dir" select="t:dir(.)"/></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="t:class">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:variable name="c" select="string-join(($names, @type ! ('type-' || replace(., '\s+', '-'))), ' ')"/>
    <xsl:if test="$c"><xsl:attribute name="class" select="$c"/></xsl:if>
  </xsl:template>

  <!-- ===== The text ===== -->
  <xsl:template name="t:text-body">
    <xsl:apply-templates select="/TEI/text | /teiCorpus/TEI/text | /text"/>
  </xsl:template>

  <xsl:template match="text">
    <div class="tei-text"><xsl:call-template name="t:lang-attrs"/><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="front | body | back">
    <div class="{local-name()}"><xsl:call-template name="t:lang-attrs"/><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="docTitle">
    <h1 class="doc-title"><xsl:apply-templates select="titlePart[1]"/></h1>
    <xsl:for-each select="titlePart[position() gt 1]">
      <p class="title-part"><xsl:call-template name="t:lang-attrs"/><xsl:apply-templates/></p>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="titlePart"><xsl:apply-templates/></xsl:template>
  <xsl:template match="docAuthor | byline | docImprint | docDate">
    <xsl:call-template name="t:block"><xsl:with-param name="tag" select="'p'"/></xsl:call-template>
  </xsl:template>

  <xsl:function name="t:div-id" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="($div/@xml:id, 'sec' || string-join(($div/ancestor-or-self::*[self::div or self::div1 or self::div2 or self::div3]
        ! (let $d := . return count(preceding-sibling::*[local-name() = local-name($d)]) + 1)) ! string(.), '.')
        || '-' || $div/ancestor::*[self::front or self::body or self::back][1]/local-name() || $div/ancestor::text[last()] ! ('-' || count(preceding::text) + 1)[. ne '-1'])[1]"/>
  </xsl:function>

  <xsl:template match="div | div1 | div2 | div3">
    <xsl:variable name="div" select="."/>
    <xsl:element name="{if (t:headed(.)) then 'section' else 'div'}">
      <xsl:attribute name="id" select="t:div-id(.)"/>
      <xsl:call-template name="t:class"><xsl:with-param name="names" select="'div'"/></xsl:call-template>
      <xsl:call-template name="t:lang-attrs"/>
      <xsl:for-each select="t:div-label(.)">
        <xsl:element name="h{t:heading-level($div)}"><xsl:value-of select="."/></xsl:element>
      </xsl:for-each>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Heading level from the nesting depth: h1 is the document title. -->
  <!-- The heading of a heading, or of a division that has none but is given a label. -->
  <xsl:function name="t:heading-level" as="xs:integer">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="min((6, 1 + count($el/ancestor-or-self::*[self::div or self::div1 or self::div2 or self::div3][t:headed(.)] except $el)
        + count($el/ancestor::TEI[parent::teiCorpus]) + (if ($el/self::head) then 0 else 1)))"/>
  </xsl:function>
  <xsl:function name="t:headed" as="xs:boolean">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="exists($div/head[not(@type = 'sub')]) or exists(t:div-label($div))"/>
  </xsl:function>

  <xsl:template match="head">
    <xsl:element name="{if (t:in-flow(.)) then 'h' || t:heading-level(.) else 'span'}">
      <xsl:if test="not(t:in-flow(.))"><xsl:attribute name="class" select="'head block'"/></xsl:if>
      <xsl:call-template name="t:lang-attrs"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="head[@type = 'sub'] | list/head | listBibl/head | lg/head">
    <p class="subhead"><xsl:call-template name="t:lang-attrs"/><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="p | ab">
    <xsl:call-template name="t:block"><xsl:with-param name="tag" select="'p'"/><xsl:with-param name="class" select="()"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="list | listBibl">
    <xsl:apply-templates select="head"/>
    <ul><xsl:call-template name="t:lang-attrs"/>
      <xsl:for-each select="* except head">
        <li><xsl:call-template name="t:lang-attrs"/>
          <xsl:choose>
            <xsl:when test="self::item"><xsl:for-each select="@xml:id"><xsl:attribute name="id" select="."/></xsl:for-each><xsl:apply-templates/></xsl:when>
            <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
          </xsl:choose>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- An element of the text that something may point to keeps its identifier: on the
       one element it becomes, or on an empty anchor before what it becomes. Notes and
       divisions have identifiers of their own making. -->
  <xsl:template match="text//*[@xml:id][not(self::note or self::div or self::div1 or self::div2 or self::div3 or self::item)]" priority="20">
    <xsl:variable name="out" as="node()*"><xsl:next-match/></xsl:variable>
    <xsl:choose>
      <xsl:when test="count($out) = 1 and $out instance of element() and empty($out/@id)">
        <xsl:element name="{local-name($out)}" namespace="{namespace-uri($out)}">
          <xsl:attribute name="id" select="@xml:id"/>
          <xsl:sequence select="$out/@*, $out/node()"/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise><span id="{@xml:id}"></span><xsl:sequence select="$out"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Where an internal pointer leads: an element of the text that is shown, else nowhere
       (the screen edition adds register entries, which have index pages). -->
  <xsl:template match="*" mode="t:href" as="xs:string?">
    <xsl:sequence select="if (@xml:id and t:shown(.)) then '#' || @xml:id else ()"/>
  </xsl:template>
  <xsl:function name="t:href" as="xs:string?">
    <xsl:param name="ref" as="element()"/>
    <xsl:variable name="target" select="tokenize($ref/@target)[1]"/>
    <xsl:sequence select="if (matches($target, '^https?://')) then $target
        else if (starts-with($target, '#')) then key('t:id', substring($target, 2), root($ref))[1] ! t:href-of(.)
        else ()"/>
  </xsl:function>
  <xsl:function name="t:href-of" as="xs:string?">
    <xsl:param name="el" as="element()"/>
    <xsl:apply-templates select="$el" mode="t:href"/>
  </xsl:function>


  <xsl:template match="table">
    <table><xsl:apply-templates select="head" mode="t:caption"/><tbody><xsl:apply-templates select="row"/></tbody></table>
  </xsl:template>
  <xsl:template match="head" mode="t:caption"><caption><xsl:apply-templates/></caption></xsl:template>
  <xsl:template match="row"><tr><xsl:apply-templates/></tr></xsl:template>
  <xsl:template match="cell"><td><xsl:apply-templates/></td></xsl:template>

  <xsl:template match="quote[parent::div or parent::body or parent::back or parent::front]">
    <blockquote><xsl:call-template name="t:lang-attrs"/><xsl:apply-templates/></blockquote>
  </xsl:template>
  <!-- The printed quotation marks stay in the text (the encoder keeps every character),
       so quotations and article titles add none of their own. -->
  <xsl:template match="quote | q | said">
    <span class="{local-name()}"><xsl:call-template name="t:lang-attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ===== Phrases ===== -->
  <xsl:template match="foreign | term | mentioned | distinct | seg | s | w | c | pc | num | measure | bibl | idno | pubPlace | publisher | biblScope | author | editor | orgName/orgName | address | addrLine">
    <span class="{local-name()}"><xsl:call-template name="t:lang-attrs"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="label">
    <span class="label"><xsl:call-template name="t:lang-attrs"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="note/label[1][not(preceding-sibling::node()[normalize-space()])]"/>
  <xsl:template match="emph | hi[matches(@rend, 'italic')] | title[not(@level = 'a')]">
    <i><xsl:call-template name="t:lang-attrs"/><xsl:apply-templates/></i>
  </xsl:template>
  <xsl:template match="title[@level = 'a']">
    <span class="title"><xsl:call-template name="t:lang-attrs"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="hi[matches(@rend, 'bold')]"><b><xsl:apply-templates/></b></xsl:template>
  <xsl:template match="hi[matches(@rend, 'sup')]"><sup><xsl:apply-templates/></sup></xsl:template>
  <xsl:template match="hi[matches(@rend, 'sub')]"><sub><xsl:apply-templates/></sub></xsl:template>
  <xsl:template match="hi[matches(@rend, 'small-?caps')]"><span class="smallcaps"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="del"><del><xsl:apply-templates/></del></xsl:template>
  <xsl:template match="choice">
    <xsl:variable name="shown" select="t:choice-shown(.)"/>
    <xsl:variable name="other" select="(sic, orig, abbr)[1]"/>
    <span class="choice">
      <xsl:if test="$other and $shown is (corr, reg, expan)[1]"><xsl:attribute name="title" select="normalize-space($other)"/></xsl:if>
      <xsl:apply-templates select="$shown/node()"/>
    </span>
  </xsl:template>

  <!-- Links only to the web or inside the document: never to local files. -->
  <xsl:template match="ref[@target] | ptr[@target]">
    <xsl:variable name="href" select="t:href(.)"/>
    <xsl:choose>
      <xsl:when test="$href and not(ancestor::*[self::ref or self::ptr][t:href(.)])">
        <a href="{$href}"><xsl:apply-templates/><xsl:if test="self::ptr or not(normalize-space())"><xsl:value-of select="replace(@target, '^#', '')"/></xsl:if></a>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/><xsl:if test="self::ptr"><xsl:value-of select="@target"/></xsl:if></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Names and dates: a plain, identified span; the screen edition makes them links. -->
  <xsl:template match="persName | orgName | placeName | date">
    <span id="{t:occ-id(.)}" class="{t:name-class(.)}"><xsl:call-template name="t:lang-attrs"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:function name="t:name-class" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if ($el/self::date) then 'date' else 'name ' || t:entity-kind($el)"/>
  </xsl:function>

  <xsl:function name="t:pb-text" as="xs:string">
    <xsl:param name="pb" as="element()"/>
    <xsl:sequence select="t:pb-mark($pb, t:label('page-abbr') || ' ')"/>
  </xsl:function>
  <!-- The line a page begins with: a sibling lb with nothing but whitespace between (the
       following one first: pb lb is the usual order, lb pb happens). -->
  <xsl:function name="t:page-lb" as="element()?">
    <xsl:param name="pb" as="element()"/>
    <xsl:sequence select="($pb/following-sibling::node()[not(self::text()[not(normalize-space())])][1][self::lb],
        $pb/preceding-sibling::node()[not(self::text()[not(normalize-space())])][1][self::lb])[1]"/>
  </xsl:function>

  <!-- Line beginnings: invisible in the reading text, shown by the line view, with the page
       this line begins (as generated content: no second copy of the marker's text for search,
       selection or screen readers). -->
  <xsl:template match="lb">
    <span class="{string-join(('lb', tokenize(@rend)[. = ('hyphen', 'indent')]), ' ')}" data-n="{@n}">
      <xsl:variable name="lb" select="."/>
      <xsl:for-each select="(preceding-sibling::node()[not(self::text()[not(normalize-space())])][1],
          following-sibling::node()[not(self::text()[not(normalize-space())])][1])[self::pb][t:page-lb(.) is $lb]">
        <span class="page-line" aria-hidden="true" data-page="{t:pb-text(.)}"></span>
      </xsl:for-each>
    </span>
    <xsl:value-of select="t:lb-space(.)"/>
  </xsl:template>

  <xsl:template match="cb | milestone | anchor | index | interpGrp | linkGrp | spanGrp | link[not(normalize-space())]"/>
</xsl:stylesheet>
