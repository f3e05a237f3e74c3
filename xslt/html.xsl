<?xml version="1.0" encoding="UTF-8"?>
<!--
  Screen reading edition. One run writes one page, chosen by $page:
  'text' (the document), 'persons', 'organisations', 'places' (indexes) or 'chronology'.
  Every page is self-contained: its CSS and script are inlined, nothing is fetched.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:t="urn:teiedit:xslt"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:import href="xhtml.xsl"/>
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <xsl:param name="page" as="xs:string" select="'text'"/>
  <!-- Link to the print edition, when one is made in the same run. -->
  <xsl:param name="pdf-href" as="xs:string" select="''"/>

  <xsl:variable name="t:pages" as="map(xs:string, xs:string)" select="map{
      'text': $base || '.html', 'persons': $base || '.persons.html',
      'organisations': $base || '.organisations.html', 'places': $base || '.places.html',
      'chronology': $base || '.chronology.html'}"/>
  <xsl:variable name="t:notes" select="//text//note[t:is-footnote(.)]"/>
  <!-- Names in the text; the names of register entries listed in it are not occurrences. -->
  <xsl:variable name="t:names" select="//text//(persName | orgName | placeName)[not(parent::*[t:is-entry(.)])][t:shown(.)]"/>

  <xsl:template match="/">
    <xsl:variable name="heading" select="if ($page = 'text') then t:title(.)
        else if ($page = 'chronology') then t:label('chronology')
        else t:label('index-of') || ' ' || lower-case(t:label($page))"/>
    <html lang="{t:doc-lang(.)}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="if ($page = 'text') then $heading else $heading || ' — ' || t:short-title(.)"/></title>
        <meta name="generator" content="teiedit"/>
        <xsl:if test="$page = 'text'"><xsl:call-template name="t:citation-meta"/></xsl:if>
        <style><xsl:value-of select="unparsed-text('assets/edition.css')"/></style>
      </head>
      <body class="page-{$page}">
        <a class="skip" href="#main">{t:label('skip')}</a>
        <header class="site">
          <nav aria-label="{t:label('edition-nav')}">
            <ul>
              <xsl:for-each select="('text', 'persons', 'organisations', 'places', 'chronology')[. = ($page, 'text') or t:has-page(.)]">
                <li><a href="{$t:pages(.)}">
                  <xsl:if test=". = $page"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                  <xsl:value-of select="t:label(.)"/></a></li>
              </xsl:for-each>
              <xsl:if test="$pdf-href"><li><a href="{$pdf-href}" type="application/pdf">{t:label('pdf-file')}</a></li></xsl:if>
              <li><a href="{$tei-href}" type="application/tei+xml">{t:label('tei-file')}</a></li>
            </ul>
          </nav>
        </header>
        <main id="main">
          <xsl:choose>
            <xsl:when test="$page = 'text'"><xsl:call-template name="t:text-page"/></xsl:when>
            <xsl:when test="$page = 'chronology'">
              <h1>{$heading}</h1><xsl:call-template name="t:chronology"/></xsl:when>
            <xsl:when test="$page = ('persons', 'organisations', 'places')">
              <h1>{$heading}</h1><xsl:call-template name="t:index"/></xsl:when>
            <xsl:otherwise>
              <xsl:message terminate="yes" error-code="t:page">unknown page '{$page}'</xsl:message>
            </xsl:otherwise>
          </xsl:choose>
        </main>
        <xsl:if test="$page = 'text'"><script><xsl:value-of select="unparsed-text('assets/edition.js')"/></script></xsl:if>
      </body>
    </html>
  </xsl:template>

  <!-- ===== The document page ===== -->
  <!-- The line-view switch comes first in <main>: CSS shows the line beginnings in every
       following sibling (text, notes) when it is checked, without script. -->
  <xsl:template name="t:text-page">
    <form class="search" role="search" hidden="" data-none="{t:label('search-none')}" data-some="{t:label('search-some')}">
      <label for="search-q">{t:label('search')}</label>
      <input type="search" id="search-q" autocomplete="off"/>
      <p id="search-status" aria-live="polite"></p>
      <ol id="search-results"></ol>
    </form>
    <xsl:if test="//text//lb">
      <input type="checkbox" id="show-lines"/>
      <label for="show-lines">{t:label('show-lines')}</label>
    </xsl:if>
    <xsl:if test="$t:names">
      <input type="checkbox" id="hl-names" checked=""/>
      <label for="hl-names">{t:label('highlight-names')}</label>
    </xsl:if>
    <xsl:variable name="texts" select="/TEI/text | /teiCorpus//TEI/text | /text"/>
    <xsl:variable name="text" select="$texts[1]"/>
    <xsl:variable name="heads" select="$texts//head[not(@type = 'sub')][parent::div or parent::div1 or parent::div2 or parent::div3]"/>
    <article>
      <xsl:call-template name="t:lang-attrs"><xsl:with-param name="el" select="$text/ancestor-or-self::*[@xml:lang][1]"/></xsl:call-template>
      <xsl:if test="not($text/front//docTitle)">
        <h1 class="doc-title"><xsl:value-of select="t:title(.)"/></h1>
      </xsl:if>
      <xsl:apply-templates select="/*/teiHeader/profileDesc/correspDesc, /*/teiHeader/fileDesc/sourceDesc//msDesc"/>
      <xsl:apply-templates select="$text/front"/>
      <xsl:if test="$heads">
        <nav class="toc" aria-labelledby="toc-h">
          <h2 id="toc-h">{t:label('contents')}</h2>
          <ol>
            <xsl:for-each select="$heads">
              <li class="toc{t:heading-level(.)}"><a href="#{t:div-id(..)}">
                <xsl:call-template name="t:lang-attrs"><xsl:with-param name="el" select="(ancestor-or-self::*[@xml:lang])[last()]"/></xsl:call-template>
                <xsl:apply-templates mode="t:plain"/></a></li>
            </xsl:for-each>
            <xsl:if test="$t:notes"><li><a href="#notes">{t:label('notes')}</a></li></xsl:if>
            <li><a href="#about">{t:label('about')}</a></li>
          </ol>
        </nav>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="count($texts) gt 1">
          <xsl:for-each select="$texts">
            <section class="tei-doc" aria-labelledby="doc-{generate-id()}">
              <xsl:call-template name="t:lang-attrs"/>
              <h2 id="doc-{generate-id()}">{t:title(.)}</h2>
              <xsl:apply-templates select="../teiHeader/profileDesc/correspDesc, ../teiHeader/fileDesc/sourceDesc//msDesc"/>
              <xsl:apply-templates select="node() except (front intersect $text/front)"/>
            </section>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="$text/(node() except front)"/></xsl:otherwise>
      </xsl:choose>
    </article>
    <xsl:if test="$t:notes">
      <section class="footnotes" id="notes" aria-labelledby="notes-h">
        <h2 id="notes-h">{t:label('notes')}</h2>
        <xsl:apply-templates select="$t:notes" mode="t:note-body"/>
      </section>
    </xsl:if>
    <xsl:call-template name="t:about"/>
  </xsl:template>

  <!-- Paragraphs of the body are numbered for citing ("¶ 12", #para-12); the number
       stands in the margin (CSS), not in the text. -->
  <xsl:variable name="t:paras" select="//text//body//(p | ab)[not(ancestor::note or ancestor::p or ancestor::ab)]"/>
  <xsl:variable name="t:para-numbers" as="map(xs:string, xs:integer)" select="map:merge(
      for $i in 1 to count($t:paras) return map{generate-id($t:paras[$i]): $i})"/>
  <xsl:template match="p | ab">
    <xsl:variable name="out" as="node()*"><xsl:next-match/></xsl:variable>
    <xsl:variable name="n" select="$t:para-numbers(generate-id(.))"/>
    <xsl:for-each select="$out">
      <xsl:choose>
        <xsl:when test="self::*:p and exists($n)">
          <xsl:copy>
            <xsl:copy-of select="@*"/>
            <xsl:if test="not(@id)"><xsl:attribute name="id" select="'para-' || $n"/></xsl:if>
            <xsl:attribute name="data-para" select="$n"/>
            <xsl:copy-of select="node()"/>
          </xsl:copy>
        </xsl:when>
        <xsl:otherwise><xsl:sequence select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- Citation metadata for reference managers: Highwire Press (citation_*) and Dublin Core. -->
  <xsl:template name="t:citation-meta">
    <xsl:variable name="b" select="(//sourceDesc/biblStruct)[1]"/>
    <xsl:variable name="m" select="$b/monogr"/>
    <xsl:variable name="pages" select="$m/imprint/biblScope[@unit = 'page'][1]"/>
    <xsl:variable name="date" select="(($m/imprint/date, //publicationStmt/date)[1] ! (@when, normalize-space(.))[.][1])[1]"/>
    <xsl:variable name="doi" select="($b//idno[@type = 'DOI'], //publicationStmt/idno[@type = 'DOI'])[1] ! normalize-space(.)"/>
    <!-- only a registered language tag; a source's unregistered one (`cz`) is left out -->
    <xsl:variable name="lang" select="(/*/@xml:lang[t:known-lang(.)], (//text/@xml:lang[t:known-lang(.)])[1])[1]"/>
    <xsl:variable name="rights" select="(//publicationStmt/availability//licence)[1] ! (@target, normalize-space(.))[.][1]"/>
    <xsl:variable name="meta" as="map(*)" select="map{
        'citation_title': t:title(.),
        'citation_author': t:authors(.),
        'citation_publication_date': $date ! replace(., '-', '/'),
        'citation_journal_title': $m[../analytic]/title[@level = 'j' or not(@level)][1] ! normalize-space(.),
        'citation_volume': $m/imprint/biblScope[@unit = 'volume'][1] ! normalize-space(.),
        'citation_issue': $m/imprint/biblScope[@unit = 'issue'][1] ! normalize-space(.),
        'citation_firstpage': ($pages/@from, substring-before(normalize-space($pages), '–')[.], normalize-space($pages))[.][1],
        'citation_lastpage': ($pages/@to, substring-after(normalize-space($pages), '–'))[.][1],
        'citation_doi': $doi,
        'citation_language': $lang,
        'citation_pdf_url': $pdf-href[.],
        'DC.title': t:title(.),
        'DC.creator': t:authors(.),
        'DC.date': $date,
        'DC.publisher': ($m/imprint/publisher, //publicationStmt/publisher)[1] ! normalize-space(.),
        'DC.language': $lang,
        'DC.rights': $rights,
        'DC.identifier': $doi ! ('doi:' || .),
        'DC.source': t:source-citation(.),
        'DC.type': 'Text'}"/>
    <xsl:for-each select="('citation_title', 'citation_author', 'citation_publication_date', 'citation_journal_title',
        'citation_volume', 'citation_issue', 'citation_firstpage', 'citation_lastpage', 'citation_doi',
        'citation_language', 'citation_pdf_url', 'DC.title', 'DC.creator', 'DC.date', 'DC.publisher',
        'DC.language', 'DC.rights', 'DC.identifier', 'DC.source', 'DC.type')">
      <xsl:variable name="name" select="."/>
      <xsl:for-each select="$meta($name)[normalize-space()]"><meta name="{$name}" content="{.}"/></xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- Text of a heading for the contents: no notes, no milestones. -->
  <xsl:template match="note | fw" mode="t:plain"/>
  <xsl:template match="lb" mode="t:plain"><xsl:value-of select="t:lb-space(.)"/></xsl:template>

  <!-- A note call; the note itself is listed under "Notes" and, with script, opens in place. -->
  <xsl:template match="note[t:is-footnote(.)]">
    <xsl:variable name="id" select="t:note-id(.)"/>
    <a class="noteref" id="ref-{$id}" href="#{$id}" role="doc-noteref" aria-label="{t:label('note')} {t:note-mark(.)}"><sup>{t:note-mark(.)}</sup></a>
  </xsl:template>

  <xsl:template match="note" mode="t:note-body">
    <xsl:variable name="id" select="t:note-id(.)"/>
    <div class="fn" id="{$id}" role="doc-footnote">
      <!-- listed apart from its text, the note keeps the language it stands in -->
      <xsl:call-template name="t:lang-attrs"><xsl:with-param name="el" select="(ancestor-or-self::*[@xml:lang])[last()]"/></xsl:call-template>
      <a class="fn-back" href="#ref-{$id}" aria-label="{t:label('back-to-text')} ({t:label('note')} {t:note-mark(.)})">{t:note-mark(.)}</a>
      <xsl:choose>
        <xsl:when test="p | ab | list | quote[p]"><xsl:apply-templates/></xsl:when>
        <xsl:otherwise><p><xsl:apply-templates/></p></xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- Whether an element stands inside a link this edition makes (HTML forbids nested links). -->
  <xsl:function name="t:inside-link" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/ancestor::*[self::persName or self::orgName or self::placeName][t:entity(.)]
        | $el/ancestor::*[self::ref or self::ptr][t:href(.)])"/>
  </xsl:function>

  <!-- Page breaks of the source: a visible marker with an identifier to link to (#p128);
       not a link itself, so the pages are no tab stops. A page that begins with a line
       beginning is shown by the line view above that line (see lb), not where the reading
       text has its marker (after a word the page break splits, or between pb and lb). -->
  <xsl:template match="pb" mode="t:marker">
    <span class="{'pb', 'at-line'[exists(t:page-lb(current()))]}" id="{t:pb-id(.)}">{t:pb-text(.)}</span>
    <xsl:if test="not(t:inside-link(.))">
      <xsl:for-each select="t:facs-url(.)">
        <a class="facs" href="{.}" aria-label="{t:label('facsimile')}">{t:label('facsimile-abbr')}</a>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- The web image of a page (pb/@facs): a URL, or a pointer to a surface, zone or graphic
       of the facsimile whose first graphic is on the web. -->
  <xsl:function name="t:facs-url" as="xs:string?">
    <xsl:param name="pb" as="element()"/>
    <xsl:variable name="facs" select="tokenize($pb/@facs)[1]"/>
    <xsl:variable name="target" select="if (starts-with($facs, '#')) then key('t:id', substring($facs, 2), root($pb))[1] else ()"/>
    <xsl:sequence select="($facs, $target/(descendant-or-self::graphic, ancestor::surface/graphic)/@url)[matches(., '^https?://')][1]"/>
  </xsl:function>

  <!-- Registered names link to their index entry and carry a card shown on hover and focus. -->
  <xsl:template match="(persName | orgName | placeName)[t:entity(.)][not(t:inside-link(.))]">
    <xsl:variable name="e" select="t:entity(.)"/>
    <xsl:variable name="id" select="t:occ-id(.)"/>
    <span class="ent">
      <a class="{t:name-class(.)}" id="{$id}" href="{$t:pages(t:entity-kind(.))}#{$e/@xml:id}" aria-describedby="card-{$id}">
        <xsl:call-template name="t:lang-attrs"/><xsl:apply-templates/></a>
      <span class="card" role="tooltip" id="card-{$id}">
        <xsl:copy-of select="$t:cards(string($e/@xml:id))/node()"/>
      </span>
    </span>
  </xsl:template>

  <!-- A pointer to a register entry leads to its index page. -->
  <xsl:template match="person | personGrp | org | place" mode="t:href" as="xs:string">
    <xsl:sequence select="$t:pages(t:entity-kind(.)) || '#' || @xml:id"/>
  </xsl:template>

  <!-- Each register entry's card, made once: a name may occur hundreds of times. -->
  <xsl:variable name="t:cards" as="map(xs:string, element())">
    <xsl:map>
      <xsl:for-each-group select="$t:names ! t:entity(.)" group-by="@xml:id">
        <xsl:map-entry key="string(current-grouping-key())">
          <span><xsl:apply-templates select="." mode="t:card"/></span>
        </xsl:map-entry>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:variable>

  <xsl:template match="*" mode="t:card">
    <span class="card-name">{t:entity-name(.)}</span>
    <xsl:for-each select="t:life-dates(.)"><span class="card-dates">{.}</span></xsl:for-each>
    <xsl:for-each select="t:entity-description(.)"><span class="card-desc">{.}</span></xsl:for-each>
    <xsl:for-each select="t:entity-other-names(.)">
      <span class="card-alt"><xsl:call-template name="t:lang-attrs"/>{t:person-name(.)}</span>
    </xsl:for-each>
  </xsl:template>

  <!-- Dates in a machine-readable form wherever HTML allows one. -->
  <xsl:function name="t:html-datetime" as="xs:string?">
    <xsl:param name="d" as="element()"/>
    <xsl:sequence select="t:date-value($d)[matches(., '^\d{4}(-\d{2}(-\d{2})?)?$')]"/>
  </xsl:function>
  <xsl:template match="date[t:html-datetime(.)]">
    <time id="{t:occ-id(.)}" class="date" datetime="{t:html-datetime(.)}"><xsl:call-template name="t:lang-attrs"/><xsl:apply-templates/></time>
  </xsl:template>

  <!-- ===== About this edition: source, principles, licence, citation ===== -->
  <xsl:template name="t:about">
    <xsl:variable name="h" select="/*/teiHeader"/>
    <section class="about" id="about" aria-labelledby="about-h">
      <h2 id="about-h">{t:label('about')}</h2>
      <xsl:for-each select="t:source-citation(.)">
        <h3>{t:label('source')}</h3>
        <p class="source-citation">{.}</p>
      </xsl:for-each>
      <xsl:variable name="principles" select="$h/encodingDesc/(projectDesc | editorialDecl//*[p])/p[normalize-space()]"/>
      <xsl:if test="$principles">
        <h3>{t:label('principles')}</h3>
        <ul><xsl:for-each select="$principles"><li><xsl:apply-templates/></li></xsl:for-each></ul>
      </xsl:if>
      <h3>{t:label('licence')}</h3>
      <xsl:variable name="licence" select="($h//publicationStmt/availability)[1]"/>
      <xsl:choose>
        <xsl:when test="$licence//licence[@target]">
          <p class="licence"><xsl:for-each select="$licence//licence[@target][1]"><a href="{@target}" rel="license">{(normalize-space(.)[.], @target)[1]}</a></xsl:for-each></p>
        </xsl:when>
        <xsl:when test="normalize-space($licence)"><p class="licence">{normalize-space($licence)}</p></xsl:when>
        <xsl:otherwise><p class="licence">{t:label('no-licence')}</p></xsl:otherwise>
      </xsl:choose>
      <h3>{t:label('cite')}</h3>
      <xsl:variable name="app" select="($h//appInfo/application)[1]"/>
      <p class="cite"><xsl:value-of select="string-join((string-join(t:authors(.), ', ')[.] ! (. || '.'),
          '“' || t:title(.) || '.”', t:label('tei-edition') || ($app ! (', ' || t:label('encoded-by') || ' ' || label || ' ' || @version)) || '.',
          t:source-container(.)), ' ')"/><xsl:text> </xsl:text><a href="{$tei-href}">{$tei-href}</a></p>
    </section>
  </xsl:template>

  <!-- ===== Index pages ===== -->
  <xsl:template name="t:index">
    <xsl:variable name="kind" select="$page"/>
    <xsl:variable name="entities" select="$t:register[t:entity-kind(.) = $kind]"/>
    <xsl:variable name="mine" select="$t:names[t:entity-kind(.) = $kind]"/>
    <xsl:choose>
      <xsl:when test="$entities">
        <ul class="index">
          <xsl:for-each select="$entities">
            <xsl:sort select="t:entity-sort-key(.)" lang="en"/>
            <li id="{@xml:id}">
              <span class="idx-name">{t:entity-name(.)}</span>
              <xsl:for-each select="t:life-dates(.)"> ({.})</xsl:for-each>
              <xsl:for-each select="t:entity-description(.)"><xsl:text> </xsl:text><span class="idx-desc">{.}</span></xsl:for-each>
              <xsl:if test="t:entity-other-names(.)">
                <span class="idx-alts">
                  <xsl:for-each select="t:entity-other-names(.)">
                    <xsl:if test="position() gt 1"> · </xsl:if>
                    <span><xsl:call-template name="t:lang-attrs"/>{t:person-name(.)}</span>
                  </xsl:for-each>
                </span>
              </xsl:if>
              <xsl:call-template name="t:occurrences">
                <xsl:with-param name="occ" select="key('t:refs', @xml:id)[t:entity-kind(.) = $kind][t:shown(.)]"/>
              </xsl:call-template>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise><p>{t:label('none-registered')} {lower-case(t:label($kind))}.</p></xsl:otherwise>
    </xsl:choose>
    <xsl:variable name="loose" select="$mine[empty(t:entity(.))]"/>
    <xsl:if test="$loose">
      <h2>{t:label('unregistered')}</h2>
      <ul class="index">
        <xsl:for-each-group select="$loose" group-by="normalize-space(string-join(t:plain-texts(.)))">
          <xsl:sort select="lower-case(current-grouping-key())" lang="en"/>
          <li><span class="idx-name">{current-grouping-key()}</span>
            <xsl:call-template name="t:occurrences"><xsl:with-param name="occ" select="current-group()"/></xsl:call-template>
          </li>
        </xsl:for-each-group>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- Occurrences grouped by where they stand: "p. 128 (2, 3)" links the first one on
       p. 128 and then the others. -->
  <xsl:template name="t:occurrences">
    <xsl:param name="occ" as="element()*"/>
    <xsl:if test="$occ">
      <span class="occ"><span class="occ-label">{t:label('occurrences')}: </span>
        <xsl:for-each-group select="$occ" group-by="t:where(.)">
          <xsl:if test="position() gt 1">, </xsl:if>
          <a href="{$t:pages('text')}#{t:occ-id(.)}">{current-grouping-key()}</a>
          <xsl:if test="count(current-group()) gt 1">
            <xsl:text> (</xsl:text>
            <xsl:for-each select="subsequence(current-group(), 2)">
              <xsl:if test="position() gt 1">, </xsl:if>
              <a href="{$t:pages('text')}#{t:occ-id(.)}" aria-label="{current-grouping-key()}, {position() + 1}">{position() + 1}</a>
            </xsl:for-each>
            <xsl:text>)</xsl:text>
          </xsl:if>
        </xsl:for-each-group>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- "p. 122", "p. 122, note 3": where an occurrence stands in the printed source. -->
  <xsl:function name="t:where" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="(string-join((t:page-of($el) ! (t:label('page-abbr') || ' ' || .),
        $el/ancestor::note[1] ! (t:label('in-note') || ' ' || t:note-mark(.))), ', ')[.], t:label('text'))[1]"/>
  </xsl:function>

  <!-- ===== Chronology ===== -->
  <xsl:variable name="t:dates" select="//text//body//date[not(ancestor::bibl or ancestor::biblStruct or ancestor::listBibl)][t:shown(.)]"/>

  <!-- Whether an index or the chronology has anything to show (the edition links no empty page). -->
  <xsl:function name="t:has-page" as="xs:boolean">
    <xsl:param name="page" as="xs:string"/>
    <xsl:sequence select="if ($page = 'chronology') then exists($t:dates)
        else exists($t:register[t:entity-kind(.) = $page] | $t:names[t:entity-kind(.) = $page])"/>
  </xsl:function>
  <xsl:template name="t:chronology">
    <xsl:variable name="dates" select="$t:dates"/>
    <xsl:choose>
      <xsl:when test="$dates">
        <table class="chronology">
          <thead><tr><th scope="col">{t:label('date')}</th><th scope="col">{t:label('as-written')}</th>
            <th scope="col">{t:label('context')}</th><th scope="col">{t:label('where')}</th></tr></thead>
          <tbody>
            <xsl:for-each select="$dates">
              <xsl:sort select="t:date-sort-key(.)"/>
              <tr>
                <td data-label="{t:label('date')}"><xsl:choose>
                  <xsl:when test="t:html-datetime(.)"><time datetime="{t:html-datetime(.)}">{t:date-label(.)}</time></xsl:when>
                  <xsl:when test="t:date-value(.)">{t:date-label(.)}</xsl:when>
                </xsl:choose></td>
                <td data-label="{t:label('as-written')}"><xsl:call-template name="t:lang-attrs"><xsl:with-param name="el" select="(ancestor-or-self::*[@xml:lang])[last()]"/></xsl:call-template>{normalize-space(string-join(t:plain-texts(.)))}</td>
                <td data-label="{t:label('context')}"><xsl:call-template name="t:lang-attrs"><xsl:with-param name="el" select="(ancestor-or-self::*[@xml:lang])[last()]"/></xsl:call-template>{t:sentence-around(.)}</td>
                <td data-label="{t:label('where')}"><a href="{$t:pages('text')}#{t:occ-id(.)}">{t:where(.)}</a></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:when>
      <xsl:otherwise><p>{t:label('no-dates')}</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
