<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared layer of every teiedit output (HTML reading edition, print HTML, XSL-FO):
  labels, numbering and identifiers, register (standOff) lookup, date normalisation and
  formatting, and the text-level rules that hold whatever the output format is.
  Output-specific stylesheets import this module and add their own element rules.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:t="urn:teiedit:xslt"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all">

  <!-- File name (without extension) of the outputs, so pages can link to each other. -->
  <xsl:param name="base" as="xs:string" select="'edition'"/>
  <!-- Relative link to the TEI file the edition was made from. -->
  <xsl:param name="tei-href" as="xs:string" select="$base || '.xml'"/>
  <!-- The registered language subtags (ISO 639 codes as BCP 47 uses them), space-separated:
       the render stage passes them from pycountry's database. Only a tag whose primary
       subtag is one of them becomes an HTML/FO language; checkers reject anything else. -->
  <xsl:param name="languages" as="xs:string" required="yes"/>
  <xsl:variable name="t:languages" as="map(xs:string, xs:boolean)"
      select="map:merge(tokenize($languages) ! map:entry(., true()))"/>

  <xsl:variable name="t:labels" select="doc('labels.xml')/*:labels"/>
  <xsl:key name="t:id" match="*[@xml:id]" use="@xml:id"/>
  <xsl:key name="t:refs" match="text//persName[@ref] | text//orgName[@ref] | text//placeName[@ref]" use="tokenize(@ref)[starts-with(., '#')] ! substring(., 2)"/>

  <xsl:variable name="t:months" as="xs:string+" select="('January', 'February', 'March', 'April',
      'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December')"/>

  <!-- ===== Labels ===== -->
  <xsl:function name="t:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="($t:labels/*:label[@key = $key], $key)[1] ! string(.)"/>
  </xsl:function>

  <!-- ===== Document-level facts ===== -->
  <!-- The title of a document, or of one document of a corpus given its TEI element:
       the main title, else the first that does not name a series, a subtitle or a short form. -->
  <xsl:function name="t:title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="tei" select="($doc/ancestor-or-self::*[self::TEI or self::teiCorpus][1], root($doc)/*)[1]"/>
    <xsl:variable name="ts" select="$tei/teiHeader/fileDesc/titleStmt/title"/>
    <xsl:variable name="main" select="($ts[@type = 'main'][not(@xml:lang) or @xml:lang = root($doc)/*/@xml:lang],
        $ts[not(@type = ('s', 'series', 'sub', 'subtitle', 'short', 'alt', 'desc'))][not(@level = ('s', 'j'))], $ts)[1]"/>
    <xsl:sequence select="(normalize-space($main)[.], t:label('untitled'))[1]"/>
  </xsl:function>

  <!-- The short title of running heads: the main title up to its first colon. -->
  <xsl:function name="t:short-title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="normalize-space(replace(t:title($doc), ':.*$', ''))"/>
  </xsl:function>

  <xsl:function name="t:person-name" as="xs:string">
    <xsl:param name="name" as="element()?"/>
    <xsl:sequence select="if ($name/(forename | surname)) then normalize-space(string-join($name/(forename | surname | roleName), ' ')) else normalize-space($name)"/>
  </xsl:function>

  <xsl:function name="t:authors" as="xs:string*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="root($doc)//teiHeader/fileDesc/titleStmt/author ! (if (persName) then t:person-name(persName[1]) else normalize-space(.))"/>
  </xsl:function>

  <!-- Bibliographic description of the printed source: authors, title, then where it appeared. -->
  <xsl:function name="t:source-citation" as="xs:string?">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="b" select="(root($doc)//sourceDesc/biblStruct)[1]"/>
    <xsl:if test="$b">
      <xsl:sequence select="normalize-space(string-join((
          string-join($b/analytic/author ! (if (persName) then t:person-name(persName[1]) else normalize-space(.)), ', ')[.] ! (. || '.'),
          $b/analytic/title[1] ! ('“' || normalize-space(.) || '.”'),
          t:source-container($doc)), ' '))"/>
    </xsl:if>
  </xsl:function>

  <!-- Journal, volume, year, pages and DOI of the printed source. -->
  <xsl:function name="t:source-container" as="xs:string?">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="b" select="(root($doc)//sourceDesc/biblStruct)[1]"/>
    <xsl:variable name="m" select="$b/monogr"/>
    <xsl:variable name="pages" select="$m/imprint/biblScope[@unit = 'page']"/>
    <xsl:sequence select="normalize-space(string-join((
        string-join(($m/title[1] ! normalize-space(.),
          $m/imprint/biblScope[@unit = ('volume', 'issue')] ! normalize-space(.)), ' '),
        $m/imprint/date[1] ! ('(' || normalize-space(.) || ')' || ($pages ! (': ' || normalize-space(.))) || '.'),
        $b/idno[@type = 'DOI'] ! ('DOI: ' || normalize-space(.))), ' '))[.]"/>
  </xsl:function>

  <!-- ===== Identifiers and numbering ===== -->
  <xsl:function name="t:note-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="($note/@xml:id, 'note-' || count($note/(preceding::note | ancestor::note)) + 1)[1]"/>
  </xsl:function>

  <xsl:function name="t:note-mark" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if ($note/@n = '*') then '∗' else ($note/@n, string(count($note/(preceding::note | ancestor::note)[not(@n = '*')][t:is-footnote(.)]) + 1))[1]"/>
  </xsl:function>

  <!-- Page-break anchors: "p128"; a page break inside a note gets the note's id as well. -->
  <xsl:function name="t:pb-id" as="xs:string">
    <xsl:param name="pb" as="element()"/>
    <xsl:variable name="n" select="replace(($pb/@n, string(count($pb/preceding::pb) + 1))[1], '[^\p{L}\p{N}_-]', '_')"/>
    <xsl:variable name="note" select="$pb/ancestor::note[1]"/>
    <xsl:variable name="same" select="$pb/preceding::pb[@n = $pb/@n][ancestor::note[1] is $note or (empty($note) and empty(ancestor::note))]"/>
    <xsl:sequence select="'p' || $n || ($note ! ('-' || t:note-id(.))) || (if ($same) then '-' || count($same) + 1 else '')"/>
  </xsl:function>

  <!-- Occurrence anchors of names and dates in the text ("occ1", "occ2", … in document
       order), shared by the text and the index pages; numbered once per run. -->
  <xsl:variable name="t:occurrences" select="//text//(persName | orgName | placeName | date)"/>
  <xsl:variable name="t:occ-numbers" as="map(xs:string, xs:integer)" select="map:merge(
      for $i in 1 to count($t:occurrences) return map{generate-id($t:occurrences[$i]): $i})"/>
  <xsl:function name="t:occ-id" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="n" select="$t:occ-numbers(generate-id($el))"/>
    <xsl:sequence select="if (exists($n)) then 'occ' || $n else 'name-' || generate-id($el)"/>
  </xsl:function>

  <xsl:variable name="t:has-pages" select="exists(//pb)"/>
  <!-- The printed page a node stands on (its preceding page break), or () before the first. -->
  <xsl:function name="t:page-of" as="xs:string?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="if ($t:has-pages) then $node/preceding::pb[1]/@n/string() else ()"/>
  </xsl:function>

  <!-- ===== Registers ===== -->
  <xsl:function name="t:entity" as="element()?">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="ref" select="tokenize($el/@ref)[starts-with(., '#')][1]"/>
    <xsl:sequence select="if ($ref) then key('t:id', substring($ref, 2), root($el))[t:is-entry(.)][1] else ()"/>
  </xsl:function>

  <!-- Every register entry of the document: in standOff or in a list of persons,
       organisations or places (header, back matter), each with an index entry. -->
  <xsl:variable name="t:register" select="//(person | personGrp | org | place)[t:is-entry(.)]"/>
  <xsl:function name="t:is-entry" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el[self::person or self::personGrp or self::org or self::place][@xml:id]
        [ancestor::standOff or ancestor::listPerson or ancestor::listOrg or ancestor::listPlace])"/>
  </xsl:function>

  <xsl:function name="t:entity-kind" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if ($el/self::persName or $el/self::person or $el/self::personGrp) then 'persons'
        else if ($el/self::orgName or $el/self::org) then 'organisations' else 'places'"/>
  </xsl:function>

  <xsl:function name="t:entity-names" as="element()*">
    <xsl:param name="entity" as="element()"/>
    <xsl:sequence select="$entity/(persName | orgName | placeName | name)"/>
  </xsl:function>

  <xsl:function name="t:entity-name" as="xs:string">
    <xsl:param name="entity" as="element()"/>
    <xsl:variable name="names" select="t:entity-names($entity)"/>
    <xsl:variable name="primary" select="($names[not(@xml:lang) or @xml:lang = 'en'], $names)[1]"/>
    <xsl:sequence select="(t:person-name($primary)[.], string($entity/@xml:id))[1]"/>
  </xsl:function>

  <!-- Sort key of an index entry: surname first for persons. -->
  <xsl:function name="t:entity-sort-key" as="xs:string">
    <xsl:param name="entity" as="element()"/>
    <xsl:variable name="pn" select="($entity/persName[not(@xml:lang) or @xml:lang = 'en'], $entity/persName)[1]"/>
    <xsl:sequence select="lower-case(if ($pn/surname) then normalize-space(string-join(($pn/surname, $pn/forename), ' ')) else t:entity-name($entity))"/>
  </xsl:function>

  <xsl:function name="t:entity-other-names" as="element()*">
    <xsl:param name="entity" as="element()"/>
    <xsl:variable name="main" select="t:entity-name($entity)"/>
    <xsl:variable name="others" select="t:entity-names($entity)[t:person-name(.) ne $main]"/>
    <xsl:for-each-group select="$others" group-by="t:person-name(.)">
      <xsl:sequence select="current-group()[1]"/>
    </xsl:for-each-group>
  </xsl:function>

  <xsl:function name="t:life-dates" as="xs:string?">
    <xsl:param name="entity" as="element()"/>
    <xsl:variable name="b" select="$entity/birth[1] ! t:date-value(.)"/>
    <xsl:variable name="d" select="$entity/death[1] ! t:date-value(.)"/>
    <xsl:sequence select="if ($b or $d) then (if ($b) then t:format-iso($b) else '?') || ' – ' || (if ($d) then t:format-iso($d) else '?') else ()"/>
  </xsl:function>

  <xsl:function name="t:entity-description" as="xs:string*">
    <xsl:param name="entity" as="element()"/>
    <xsl:sequence select="$entity/(occupation | affiliation | desc | note) ! normalize-space(.)"/>
  </xsl:function>

  <!-- ===== Dates ===== -->
  <!-- The normalized value of a dating element: @when, else the start of its range. -->
  <xsl:function name="t:date-value" as="xs:string?">
    <xsl:param name="d" as="element()"/>
    <xsl:sequence select="($d/@when, $d/@from, $d/@notBefore, $d/@to, $d/@notAfter)[1] ! normalize-space(.)"/>
  </xsl:function>

  <!-- "1953-05-12" → "12 May 1953", "1950-03" → "March 1950", "- -04-13" → "13 April";
       anything else as given. -->
  <xsl:function name="t:format-iso" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:analyze-string select="$iso" regex="^(-?\d{{4}}|-)(-(\d{{2}}))?(-(\d{{2}}))?$">
      <xsl:matching-substring>
        <xsl:variable name="m" select="if (regex-group(3)) then xs:integer(regex-group(3)) else 0"/>
        <xsl:sequence select="string-join((
            if (regex-group(5)) then string(xs:integer(regex-group(5))) else (),
            if ($m ge 1 and $m le 12) then $t:months[$m] else (),
            regex-group(1)[. ne '-']), ' ')"/>
      </xsl:matching-substring>
      <xsl:non-matching-substring><xsl:sequence select="$iso"/></xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:function>

  <!-- Sort key of a date: dated years first in order, then dates without a year
       (day and month only), then dates with no normalized value. -->
  <xsl:function name="t:date-sort-key" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:variable name="v" select="t:date-value($d)"/>
    <xsl:sequence select="if (empty($v)) then '3' else if (starts-with($v, '--')) then '2' || $v else '1' || $v"/>
  </xsl:function>

  <!-- Human label of a dating element: a single day/month/year or a range. -->
  <xsl:function name="t:date-label" as="xs:string">
    <xsl:param name="d" as="element()"/>
    <xsl:variable name="from" select="($d/@from, $d/@notBefore)[1]"/>
    <xsl:variable name="to" select="($d/@to, $d/@notAfter)[1]"/>
    <xsl:sequence select="if ($d/@when) then t:format-iso($d/@when)
        else if ($from or $to) then string-join(($from ! t:format-iso(.), $to ! t:format-iso(.)), ' – ')
        else normalize-space($d)"/>
  </xsl:function>

  <!-- Whether an element of the text is shown in the outputs: not in the header or
       standOff, not inside print furniture or analytic apparatus that is not rendered,
       not the reading of a choice that is not displayed. Links and index entries point
       only at what is shown. -->
  <xsl:function name="t:shown" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/ancestor-or-self::text) and empty($el/ancestor::*[self::teiHeader or self::standOff
        or self::index or self::interpGrp or self::linkGrp or self::spanGrp])
        and empty($el/ancestor-or-self::*[parent::choice][not(. is t:choice-shown(..))])"/>
  </xsl:function>
  <!-- The reading of a choice the edition displays: the corrected, regular, expanded one. -->
  <xsl:function name="t:choice-shown" as="element()?">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="($choice/(corr | reg | expan), $choice/*)[1]"/>
  </xsl:function>

  <!-- A note in running text is a footnote; one between blocks (a debate's speaker and
       time notes, a reading's comment) or placed inline stands where it is. -->
  <xsl:function name="t:is-footnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if ($note/@place = 'inline') then false() else if ($note/@place) then true()
        else empty($note/parent::*[self::div or self::div1 or self::div2 or self::div3 or self::body or self::front
          or self::back or self::u or self::sp or self::lg or self::castList or self::listApp or self::app or self::rdg or self::lem
          or self::entry or self::sense])"/>
  </xsl:function>

  <!-- ===== Text-level rules shared by every output ===== -->
  <!-- Print furniture (running heads, page numbers) is not part of the text. -->
  <xsl:template match="fw"/>
  <xsl:template match="teiHeader | standOff | facsimile"/>

  <!-- A line break inside a word (break="no") joins the two halves: drop the whitespace
       the source may keep around it. -->
  <xsl:template match="text()[following-sibling::node()[1][self::lb[@break = 'no'] or self::pb[@break = 'no']]]" priority="1">
    <xsl:value-of select="replace(., '\s+$', '')"/>
  </xsl:template>
  <xsl:template match="text()[preceding-sibling::node()[1][self::lb[@break = 'no'] or self::pb[@break = 'no']]]" priority="2">
    <xsl:variable name="s" select="replace(., '^\s+', '')"/>
    <xsl:value-of select="if (following-sibling::node()[1][self::lb[@break = 'no'] or self::pb[@break = 'no']]) then replace($s, '\s+$', '') else $s"/>
  </xsl:template>

  <!-- A page break inside a word (pb break="no" followed, past any lb, by the rest of the
       word) is marked after the word, so the word reads whole: the text node that carries
       the rest of the word emits the marker (mode t:marker of each output) after it. -->
  <xsl:function name="t:word-pb" as="element()?">
    <xsl:param name="text" as="text()"/>
    <xsl:sequence select="$text/preceding-sibling::node()[not(self::lb)][1][self::pb[@break = 'no']]"/>
  </xsl:function>
  <!-- The marker of a page break: its printed number in brackets after `prefix` ("[p. 128]");
       a label that is not a bare number is shown as the source gives it ("[t. 867 p. 1/36A]",
       "[12r]", no "p." put before it); when the source gives nothing, the editors' page-break
       sign alone (no number is made up: "[p. ?]" told the reader nothing). -->
  <xsl:function name="t:pb-mark" as="xs:string">
    <xsl:param name="pb" as="element()"/>
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:variable name="n" select="normalize-space($pb/@n)"/>
    <xsl:sequence select="if (not($n)) then t:label('page-break')
                          else if (matches($n, '^([0-9]+|[ivxlcdm]+|[IVXLCDM]+)$')) then '[' || $prefix || $n || ']'
                          else '[' || $n || ']'"/>
  </xsl:function>
  <xsl:template match="pb">
    <xsl:if test="not(following-sibling::node()[not(self::lb)][1][self::text()][t:word-pb(.)] and @break = 'no')">
      <xsl:apply-templates select="." mode="t:marker"/>
      <xsl:value-of select="t:lb-space(.)"/>
    </xsl:if>
  </xsl:template>
  <xsl:template match="text()[t:word-pb(.)]" priority="4">
    <xsl:variable name="text"><xsl:next-match/></xsl:variable>
    <xsl:variable name="head" select="if (matches($text, '^\S')) then replace($text, '^(\S+).*$', '$1', 's') else ''"/>
    <xsl:value-of select="$head"/>
    <xsl:apply-templates select="t:word-pb(.)" mode="t:marker"/>
    <xsl:value-of select="substring($text, string-length($head) + 1)"/>
  </xsl:template>

  <!-- Plain text of a block for snippets: no print furniture, no notes other than the block's own. -->
  <xsl:function name="t:plain-texts" as="text()*">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="$block//text()[not(ancestor::fw)][not(ancestor::note except $block/ancestor-or-self::note)]"/>
  </xsl:function>

  <!-- The sentence around an element, as plain text, for the chronology. -->
  <xsl:function name="t:sentence-around" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="block" select="($el/ancestor::*[self::p or self::note or self::head or self::item or self::cell or self::quote][1], $el/..)[1]"/>
    <xsl:variable name="texts" select="t:plain-texts($block)"/>
    <xsl:variable name="before" select="string-join($texts[. &lt;&lt; $el])"/>
    <xsl:variable name="after" select="string-join($texts[. &gt;&gt; $el][not(ancestor::* intersect $el)])"/>
    <xsl:variable name="head" select="replace($before, '^.*[.!?]\s+(\p{Lu})', '$1', 's')"/>
    <xsl:variable name="tail" select="replace($after, '^(.*?[.!?])(\s.*)?$', '$1', 's')"/>
    <xsl:variable name="s" select="normalize-space($head || normalize-space($el) || $tail)"/>
    <xsl:sequence select="if (string-length($s) gt 320) then substring($s, 1, 317) || '…' else $s"/>
  </xsl:function>
  <!-- Whether a line break needs a space in the reading text: not inside a word, and only
       when the source has no whitespace of its own on either side. -->
  <xsl:function name="t:lb-space" as="xs:string">
    <xsl:param name="lb" as="element()"/>
    <xsl:variable name="prev" select="$lb/preceding-sibling::node()[1]"/>
    <xsl:variable name="next" select="$lb/following-sibling::node()[1]"/>
    <xsl:sequence select="if ($lb/@break = 'no' or empty($prev) or empty($next)
        or ($prev/self::text() and matches($prev, '\s$')) or ($next/self::text() and matches($next, '^\s'))
        or $next/self::lb or $next/self::pb or $prev/self::pb) then '' else ' '"/>
  </xsl:function>

  <!-- Whether a language tag's primary subtag is a registered language (`cz` is not: Czech is `cs`). -->
  <xsl:function name="t:known-lang" as="xs:boolean">
    <xsl:param name="tag" as="xs:string"/>
    <xsl:sequence select="map:contains($t:languages, lower-case(substring-before($tag || '-', '-')))"/>
  </xsl:function>

  <!-- The language of a whole output: the document's, else its first text's, if registered;
       otherwise English, the language of the labels around the text. -->
  <xsl:function name="t:doc-lang" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="(root($doc)/*/@xml:lang[t:known-lang(.)], (root($doc)//text/@xml:lang[t:known-lang(.)])[1], 'en')[1]"/>
  </xsl:function>

  <!-- Text direction of a language tag, for right-to-left scripts. -->
  <xsl:function name="t:dir" as="xs:string?">
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:sequence select="if (matches(($lang, '')[1], '^(ar|he|fa|ur|yi|ps|syr|dv)(-|$)|-(Arab|Hebr|Syrc|Thaa)(-|$)', 'i')) then 'rtl' else ()"/>
  </xsl:function>
</xsl:stylesheet>
