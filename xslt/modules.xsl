<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML rules for the kinds of TEI that repositories hold, one section per TEI module (as the
  TEI Stylesheets are layered): drama, spoken texts, correspondence, verse, textual
  criticism, transcription (Leiden-style signs), EpiDoc divisions, manuscript descriptions,
  dictionaries. Included by xhtml.xsl, so the screen and the print editions share them.
  Block-like elements become blocks where HTML allows one and a block-styled span inside
  a paragraph, so the page stays valid HTML whatever the nesting.
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

  <!-- A block: <div>/<p> in flow content, a span styled as a block elsewhere. -->
  <xsl:template name="t:block">
    <xsl:param name="tag" as="xs:string" select="'div'"/>
    <xsl:param name="class" as="xs:string?" select="local-name()"/>
    <xsl:param name="content" as="node()*"><xsl:apply-templates/></xsl:param>
    <xsl:element name="{if (t:in-flow(.)) then $tag else 'span'}">
      <xsl:variable name="classes" select="string-join(($class, 'block'[not(t:in-flow(current()))],
          @type ! ('type-' || replace(., '\s+', '-'))), ' ')"/>
      <xsl:if test="$classes"><xsl:attribute name="class" select="$classes"/></xsl:if>
      <xsl:call-template name="t:lang-attrs"/>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>

  <!-- The name of whoever @who (or @wit, @resp) points to: a register entry's name, else the
       identifier itself. -->
  <xsl:function name="t:who" as="xs:string*">
    <xsl:param name="pointers" as="attribute()?"/>
    <xsl:for-each select="tokenize($pointers)">
      <xsl:variable name="id" select="replace(., '^#', '')"/>
      <xsl:variable name="el" select="key('t:id', $id, root($pointers))[1]"/>
      <xsl:sequence select="if ($el[self::person or self::personGrp or self::org or self::place]) then t:entity-name($el)
          else if ($el/self::witness) then ($el/@n, normalize-space($el/abbr), $id)[.][1]
          else if ($el/self::role) then normalize-space($el) else replace($id, '(\p{Ll})(\p{Lu})', '$1 $2')"/>
    </xsl:for-each>
  </xsl:function>

  <!-- ===== Drama ===== -->
  <xsl:template match="castList">
    <xsl:call-template name="t:block"><xsl:with-param name="content">
      <xsl:apply-templates select="head"/>
      <ul class="cast"><xsl:apply-templates select="* except head"/></ul>
    </xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="castGroup">
    <li class="castGroup"><xsl:apply-templates select="head"/><ul class="cast"><xsl:apply-templates select="* except head"/></ul></li>
  </xsl:template>
  <xsl:template match="castItem"><li class="castItem"><xsl:apply-templates/></li></xsl:template>
  <xsl:template match="castList/head | castGroup/head"><span class="subhead block"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="role | roleDesc | actor">
    <span class="{local-name()}"><xsl:call-template name="t:lang-attrs"/><xsl:apply-templates/></span>
    <xsl:if test="following-sibling::*[1][self::roleDesc or self::actor]">, </xsl:if>
  </xsl:template>
  <xsl:template match="sp">
    <xsl:call-template name="t:block"/>
  </xsl:template>
  <xsl:template match="speaker">
    <xsl:call-template name="t:block"><xsl:with-param name="tag" select="'p'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="stage | move | view | camera | sound | caption | tech">
    <xsl:call-template name="t:block">
      <xsl:with-param name="tag" select="'p'"/>
      <xsl:with-param name="class" select="'stage'"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="set | prologue | epilogue | performance">
    <xsl:call-template name="t:block"/>
  </xsl:template>

  <!-- ===== Spoken texts (speeches, debates) ===== -->
  <xsl:template match="u">
    <xsl:call-template name="t:block"><xsl:with-param name="content">
      <xsl:if test="@who"><span class="speaker block">{string-join(t:who(@who), ', ')}</span></xsl:if>
      <xsl:choose>
        <xsl:when test="seg | p | s"><xsl:apply-templates/></xsl:when>
        <xsl:otherwise><span class="u-text block"><xsl:apply-templates/></span></xsl:otherwise>
      </xsl:choose>
    </xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="u/seg | u/s">
    <xsl:call-template name="t:block"><xsl:with-param name="tag" select="'p'"/></xsl:call-template>
  </xsl:template>
  <!-- Events of speech and its setting: what the transcriber describes, in brackets. -->
  <xsl:template match="pause | vocal | kinesic | incident | shift | writing">
    <span class="incident">({(normalize-space(string-join((desc, @type[not(../desc)]), ' '))[.], local-name())[1]})</span>
  </xsl:template>

  <!-- A note in running prose is a footnote; a note between utterances, speeches or
       divisions (a debate's "speaker" or "time" notes) is the transcriber's, shown in place. -->
  <xsl:template match="note[not(t:is-footnote(.))]" priority="2">
    <xsl:call-template name="t:block">
      <xsl:with-param name="tag" select="'p'"/>
      <xsl:with-param name="class" select="'note-inline'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== Correspondence ===== -->
  <xsl:template match="opener | closer | postscript | argument | epigraph | trailer | dateline[not(ancestor::p)] | salute | signed">
    <xsl:call-template name="t:block">
      <xsl:with-param name="tag" select="if (* except (lb | pb | hi | persName | placeName | date | name | rs)) then 'div' else 'p'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Who wrote to whom, where and when, from the header's correspDesc. -->
  <xsl:template match="correspDesc">
    <dl class="correspDesc">
      <xsl:for-each select="correspAction">
        <dt>{t:label('corresp-' || (@type, 'action')[1])}</dt>
        <dd><xsl:value-of select="string-join((*[self::persName or self::orgName or self::name or self::placeName or self::date]
            ! (normalize-space(.)[.], if (self::date) then t:date-label(.) else (), @ref ! string-join(t:who(.), ', '), @ana, @key)[.][1])[.], ', ')"/></dd>
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

  <!-- ===== Verse ===== -->
  <xsl:template match="lg">
    <xsl:call-template name="t:block"/>
  </xsl:template>
  <!-- A verse line; every fifth numbered line shows its number in the margin. -->
  <xsl:template match="l">
    <xsl:call-template name="t:block"><xsl:with-param name="content">
      <xsl:if test="matches(@n, '^\d+$') and xs:integer(@n) mod 5 = 0"><span class="l-n" aria-hidden="true">{@n}</span></xsl:if>
      <xsl:apply-templates/>
    </xsl:with-param></xsl:call-template>
  </xsl:template>

  <!-- ===== Textual criticism: the lemma in the text, the readings after it ===== -->
  <xsl:template match="app">
    <span class="app">
      <xsl:apply-templates select="lem"/>
      <span class="rdgs">
        <xsl:for-each select="* except lem">
          <xsl:apply-templates select="."/>
          <xsl:if test="position() ne last()">; </xsl:if>
        </xsl:for-each>
      </span>
    </span>
  </xsl:template>
  <xsl:template match="lem | rdg">
    <span class="{local-name()}"><xsl:call-template name="t:lang-attrs"/><xsl:apply-templates/>
      <xsl:variable name="wits" select="t:who(@wit), t:who(@source)"/>
      <xsl:if test="exists($wits)"><xsl:text> </xsl:text><span class="wit">{string-join($wits, ' ')}</span></xsl:if>
    </span>
  </xsl:template>
  <xsl:template match="rdgGrp | listApp"><span class="{local-name()}"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="wit"><span class="wit"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="witDetail"><span class="witDetail"> (<xsl:apply-templates/>)</span></xsl:template>

  <!-- ===== Transcription: editorial signs as in the Leiden convention ===== -->
  <xsl:template match="supplied"><span class="supplied">[<xsl:apply-templates/>]</span></xsl:template>
  <xsl:template match="surplus"><span class="surplus">{{<xsl:apply-templates/>}}</span></xsl:template>
  <xsl:template match="ex"><span class="ex">(<xsl:apply-templates/>)</span></xsl:template>
  <xsl:template match="unclear"><span class="unclear" title="{t:label('unclear')}"><xsl:apply-templates/></span></xsl:template>
  <xsl:template match="gap">
    <span class="gap" title="{string-join((t:label('gap'), @reason, @quantity ! (. || ' ' || ../@unit)), ', ')}">[…]</span>
    <xsl:apply-templates select="desc"/>
  </xsl:template>
  <xsl:template match="gap/desc"><span class="gap-desc"> (<xsl:apply-templates/>)</span></xsl:template>
  <!-- A space left in the source: a space on the page too, never two words glued. -->
  <xsl:template match="space">
    <span class="space" style="{if (@unit = ('chars', 'char', 'letters')) then 'padding-left:' || min((number((@quantity, @extent, 1)[1]), 20))[not(string(.) = 'NaN')] * 0.5 || 'em' else ()}"><xsl:text> </xsl:text></span>
  </xsl:template>
  <xsl:template match="damage | restore | handShift | subst | mod | retrace | g | am | ab/seg">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="add"><span class="add"><xsl:apply-templates/></span></xsl:template>
  <!-- Running heads and page numbers of the source: shown with the printed lines only. -->
  <xsl:template match="fw"><span class="fw"><xsl:apply-templates/></span></xsl:template>

  <!-- ===== EpiDoc and other typed divisions without a heading of their own ===== -->
  <xsl:function name="t:div-label" as="xs:string?">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="if ($div/head or not($div/@type = ('edition', 'apparatus', 'translation', 'commentary', 'bibliography', 'textpart')))
        then () else if ($div/@type = 'textpart') then $div/@n ! (t:label(($div/@subtype, 'part')[1]) || ' ' || .)
        else string-join((t:label('div-' || $div/@type), $div[@type = 'translation']/@xml:lang ! ('(' || . || ')')), ' ')"/>
  </xsl:function>

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
  <!-- The label of an element of the description, where labels.xml names it. -->
  <xsl:function name="t:known-label" as="xs:string?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="$t:labels/*:label[@key = $key][1] ! string(.)"/>
  </xsl:function>
  <xsl:template match="text()" mode="t:ms"><xsl:value-of select="."/></xsl:template>

  <!-- ===== Dictionaries ===== -->
  <xsl:template match="superEntry | entry | entryFree | re | sense">
    <xsl:call-template name="t:block"><xsl:with-param name="content">
      <xsl:if test="self::sense and @n"><span class="sense-n">{@n}</span><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates/>
    </xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="form | orth | pron | hyph | syll | gramGrp | gram | pos | gen | number | case | per | tns | mood
      | iType | subc | colloc | usg | lbl | def | etym | lang | xr | oRef | oVar | pRef | pVar | cit | gloss | stress">
    <span class="{local-name()}"><xsl:call-template name="t:lang-attrs"/><xsl:apply-templates/></span>
    <xsl:if test="following-sibling::node()[1][self::*][local-name() = $t:dict-parts]"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:variable name="t:dict-parts" select="('form', 'orth', 'pron', 'gramGrp', 'gram', 'pos', 'gen', 'usg', 'lbl', 'def', 'etym', 'xr', 'cit', 'gloss')"/>
</xsl:stylesheet>
