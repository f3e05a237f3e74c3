<?xml version="1.0" encoding="UTF-8"?>
<!--
  Rules for the kinds of TEI that repositories hold, one section per TEI module, written once
  for every output (as the TEI Stylesheets' common layer is): drama, spoken texts,
  correspondence, verse, textual criticism, transcription (Leiden-style signs), EpiDoc
  divisions, dictionaries. Included by xhtml.xsl (screen and print HTML) and fo.xsl (XSL-FO).
  They decide what a reader sees and in which order; the output layers decide how, by
  implementing two named templates:
    t:block  ($tag: 'p' a paragraph-like block, 'div' a container, 'ul'/'li' a list and its
              items; $class: what it is, e.g. 'speaker', 'stage'; $content)
    t:inline ($class, $content, $title: a tooltip where the output has them)
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teiedit:xslt"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

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

  <!-- An element shown as an inline of its own kind (class = its name). -->
  <xsl:template name="t:as-inline">
    <xsl:call-template name="t:inline"><xsl:with-param name="class" select="local-name()"/></xsl:call-template>
  </xsl:template>

  <!-- ===== Drama ===== -->
  <xsl:template match="castList">
    <xsl:call-template name="t:block"><xsl:with-param name="content">
      <xsl:apply-templates select="head"/>
      <xsl:call-template name="t:cast"/>
    </xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="castGroup">
    <xsl:call-template name="t:block">
      <xsl:with-param name="tag" select="'li'"/>
      <xsl:with-param name="content"><xsl:apply-templates select="head"/><xsl:call-template name="t:cast"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template name="t:cast">
    <xsl:call-template name="t:block">
      <xsl:with-param name="tag" select="'ul'"/>
      <xsl:with-param name="class" select="'cast'"/>
      <xsl:with-param name="content"><xsl:apply-templates select="* except head"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="castItem">
    <xsl:call-template name="t:block"><xsl:with-param name="tag" select="'li'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="castList/head | castGroup/head">
    <xsl:call-template name="t:inline"><xsl:with-param name="class" select="'subhead block'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="role | roleDesc | actor">
    <xsl:call-template name="t:as-inline"/>
    <xsl:if test="following-sibling::*[1][self::roleDesc or self::actor]">, </xsl:if>
  </xsl:template>
  <xsl:template match="sp | set | prologue | epilogue | performance">
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

  <!-- ===== Spoken texts (speeches, debates) ===== -->
  <xsl:template match="u">
    <xsl:call-template name="t:block"><xsl:with-param name="content">
      <xsl:if test="@who">
        <xsl:call-template name="t:inline">
          <xsl:with-param name="class" select="'speaker block'"/>
          <xsl:with-param name="content" select="string-join(t:who(@who), ', ')"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="seg | p | s"><xsl:apply-templates/></xsl:when>
        <xsl:otherwise><xsl:call-template name="t:inline"><xsl:with-param name="class" select="'u-text block'"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="u/seg | u/s">
    <xsl:call-template name="t:block"><xsl:with-param name="tag" select="'p'"/></xsl:call-template>
  </xsl:template>
  <!-- Events of speech and its setting: what the transcriber describes, in brackets. -->
  <xsl:template match="pause | vocal | kinesic | incident | shift | writing">
    <xsl:call-template name="t:inline">
      <xsl:with-param name="class" select="'incident'"/>
      <xsl:with-param name="content" select="'(' || (normalize-space(string-join((desc, @type[not(../desc)]), ' '))[.], local-name())[1] || ')'"/>
    </xsl:call-template>
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
  <!-- Who wrote (or received, …) a letter, where and when: a correspAction of the header. -->
  <xsl:function name="t:corresp-action" as="xs:string">
    <xsl:param name="action" as="element(correspAction)"/>
    <xsl:sequence select="string-join($action/*[self::persName or self::orgName or self::name or self::placeName or self::date]
        ! (normalize-space(.)[.], if (self::date) then t:date-label(.) else (), @ref ! string-join(t:who(.), ', '), @ana, @key)[.][1], ', ')"/>
  </xsl:function>

  <!-- ===== Verse ===== -->
  <xsl:template match="lg">
    <xsl:call-template name="t:block"/>
  </xsl:template>
  <!-- A verse line; every fifth numbered line shows its number in the margin. -->
  <xsl:template match="l">
    <xsl:call-template name="t:block"><xsl:with-param name="content">
      <xsl:if test="matches(@n, '^\d+$') and xs:integer(@n) mod 5 = 0">
        <xsl:call-template name="t:inline">
          <xsl:with-param name="class" select="'l-n'"/>
          <xsl:with-param name="content" select="string(@n)"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:with-param></xsl:call-template>
  </xsl:template>

  <!-- ===== Textual criticism: the lemma in the text, the readings after it ===== -->
  <xsl:template match="app">
    <xsl:call-template name="t:inline"><xsl:with-param name="content">
      <xsl:apply-templates select="lem"/>
      <xsl:call-template name="t:inline">
        <xsl:with-param name="class" select="'rdgs'"/>
        <xsl:with-param name="content">
          <xsl:for-each select="* except lem">
            <xsl:apply-templates select="."/>
            <xsl:if test="position() ne last()">; </xsl:if>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="lem | rdg">
    <xsl:call-template name="t:inline"><xsl:with-param name="content">
      <xsl:apply-templates/>
      <xsl:variable name="wits" select="t:who(@wit), t:who(@source)"/>
      <xsl:if test="exists($wits)">
        <xsl:text> </xsl:text>
        <xsl:call-template name="t:inline">
          <xsl:with-param name="class" select="'wit'"/>
          <xsl:with-param name="content" select="string-join($wits, ' ')"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="rdgGrp | listApp | wit"><xsl:call-template name="t:as-inline"/></xsl:template>
  <xsl:template match="witDetail">
    <xsl:call-template name="t:inline"><xsl:with-param name="content"> (<xsl:apply-templates/>)</xsl:with-param></xsl:call-template>
  </xsl:template>

  <!-- ===== Transcription: editorial signs as in the Leiden convention ===== -->
  <xsl:template match="supplied">
    <xsl:call-template name="t:inline"><xsl:with-param name="content">[<xsl:apply-templates/>]</xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="surplus">
    <xsl:call-template name="t:inline"><xsl:with-param name="content">{{<xsl:apply-templates/>}}</xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="ex">
    <xsl:call-template name="t:inline"><xsl:with-param name="content">(<xsl:apply-templates/>)</xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="unclear">
    <xsl:call-template name="t:inline"><xsl:with-param name="title" select="t:label('unclear')"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="gap">
    <xsl:call-template name="t:inline">
      <xsl:with-param name="title" select="string-join((t:label('gap'), @reason, @quantity ! (. || ' ' || ../@unit)), ', ')"/>
      <xsl:with-param name="content" select="'[…]'"/>
    </xsl:call-template>
    <xsl:apply-templates select="desc"/>
  </xsl:template>
  <xsl:template match="gap/desc">
    <xsl:call-template name="t:inline">
      <xsl:with-param name="class" select="'gap-desc'"/>
      <xsl:with-param name="content"> (<xsl:apply-templates/>)</xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="damage | restore | handShift | subst | mod | retrace | g | am | ab/seg | add">
    <xsl:call-template name="t:as-inline"/>
  </xsl:template>

  <!-- ===== EpiDoc and other typed divisions without a heading of their own ===== -->
  <!-- (a text part is named by its subtype: the label if labels.xml has one, else the
       subtype itself, capitalised as a heading: "Poem 1") -->
  <xsl:function name="t:div-label" as="xs:string?">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="if ($div/head or not($div/@type = ('edition', 'apparatus', 'translation', 'commentary', 'bibliography', 'textpart')))
        then () else if ($div/@type = 'textpart') then $div/@n ! ($div/(@subtype, 'part')[1] ! (t:known-label(.), upper-case(substring(., 1, 1)) || substring(., 2))[1] || ' ' || .)
        else string-join((t:label('div-' || $div/@type), $div[@type = 'translation']/@xml:lang ! ('(' || . || ')')), ' ')"/>
  </xsl:function>

  <!-- The label of an element of a manuscript description, where labels.xml names it. -->
  <xsl:function name="t:known-label" as="xs:string?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="$t:labels/*:label[@key = $key][1] ! string(.)"/>
  </xsl:function>

  <!-- ===== Dictionaries ===== -->
  <xsl:template match="superEntry | entry | entryFree | re | sense">
    <xsl:call-template name="t:block"><xsl:with-param name="content">
      <xsl:if test="self::sense and @n">
        <xsl:call-template name="t:inline">
          <xsl:with-param name="class" select="'sense-n'"/>
          <xsl:with-param name="content" select="string(@n)"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:with-param></xsl:call-template>
  </xsl:template>
  <xsl:template match="form | orth | pron | hyph | syll | gramGrp | gram | pos | gen | number | case | per | tns | mood
      | iType | subc | colloc | usg | lbl | def | etym | lang | xr | oRef | oVar | pRef | pVar | cit | gloss | stress">
    <xsl:call-template name="t:as-inline"/>
    <xsl:if test="following-sibling::node()[1][self::*][local-name() = $t:dict-parts]"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:variable name="t:dict-parts" select="('form', 'orth', 'pron', 'gramGrp', 'gram', 'pos', 'gen', 'usg', 'lbl', 'def', 'etym', 'xr', 'cit', 'gloss')"/>
</xsl:stylesheet>
