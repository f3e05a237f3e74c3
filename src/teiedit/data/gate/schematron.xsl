<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiedit's compact ISO Schematron compiler: turns a Schematron schema with query binding
  xslt/xslt2/xslt3 into an XSLT 3.0 stylesheet that writes SVRL. It reads the schema in ISO
  "minimal syntax": teiedit.gate.schematron_expand has already resolved sch:include and
  extends/@href, inlined abstract rules (extends/@rule) and instantiated abstract patterns.

  One mode per active pattern; within a pattern the first matching rule wins (earlier rules
  get higher priorities), as ISO Schematron requires. A pattern carrying @teiedit:select
  (added by teiedit.gate.schematron when every rule context is a plain child/attribute
  path: the union of //CONTEXT, exactly the nodes its rules can match) is applied to those
  nodes directly instead of walking the whole tree once per pattern. A top-level
  teiedit:pattern element per active pattern carries its @teiedit:needs (names of which one
  must occur in a document for the pattern to match anything); the caller passes the modes
  worth running as $teiedit:run. Every failed assert and successful report carries
  @teiedit:element, the number in document order of the context element (or of the element
  holding the context node; from an accumulator, one pass over the document when the first
  finding needs it: counting each finding's preceding siblings made a wide document with
  many findings quadratic, 20,000 failing paragraphs took 19 s in Saxon), and
  @teiedit:node, the rest of the context node's fn:path() after that element ("@name",
  "text()[2]"; the whole path for a comment, PI or the document node). teiedit maps both back
  to line:column and the path through the lxml tree.
  Supported: ns, let (schema, phase, pattern, rule), phase/active, assert/report with
  @id/@role/@flag/@diagnostics, name, value-of, emph/dir/span, diagnostics, and xsl:key /
  xsl:function declared in the schema.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:axsl="urn:teiedit:alias-xsl"
    xmlns:sch="http://purl.oclc.org/dsdl/schematron"
    xmlns:svrl="http://purl.oclc.org/dsdl/svrl"
    xmlns:teiedit="urn:teiedit:gate"
    exclude-result-prefixes="sch">

  <xsl:namespace-alias stylesheet-prefix="axsl" result-prefix="xsl"/>
  <xsl:output method="xml" indent="no"/>

  <!-- the phase to run: '' means the schema's defaultPhase, or '#ALL' -->
  <xsl:param name="phase" select="''"/>

  <xsl:variable name="schema" select="/sch:schema"/>
  <xsl:variable name="phase-id" select="
      if ($phase != '') then $phase
      else if ($schema/@defaultPhase) then string($schema/@defaultPhase) else '#ALL'"/>
  <xsl:variable name="the-phase" select="$schema/sch:phase[@id = $phase-id]"/>
  <xsl:variable name="active" select="
      if ($phase-id = '#ALL') then $schema/sch:pattern
      else $schema/sch:pattern[@id = $the-phase/sch:active/@pattern]"/>
  <xsl:variable name="selects" select="distinct-values($active/@teiedit:select[. != ''])"/>

  <xsl:template match="/">
    <xsl:if test="not($schema)">
      <xsl:sequence select="error(QName('urn:teiedit:gate', 'schema'), 'not an ISO Schematron schema (root must be sch:schema)')"/>
    </xsl:if>
    <xsl:if test="$phase-id != '#ALL' and not($the-phase)">
      <xsl:sequence select="error(QName('urn:teiedit:gate', 'schema'), 'Schematron phase ''' || string($phase-id) || ''' is not defined in the schema')"/>
    </xsl:if>
    <xsl:if test="$schema/@queryBinding and not(matches(lower-case($schema/@queryBinding), '^(xslt[123]?|xpath[23]1?)$'))">
      <xsl:sequence select="error(QName('urn:teiedit:gate', 'schema'), 'Schematron query binding ''' || string($schema/@queryBinding) || ''' is not supported (use xslt, xslt2 or xslt3)')"/>
    </xsl:if>
    <axsl:stylesheet version="3.0">
      <xsl:for-each select="$schema/sch:ns">
        <xsl:namespace name="{@prefix}" select="string(@uri)"/>
      </xsl:for-each>
      <!-- most xslt2 schemas use xs: without declaring it, as XSLT authors are used to -->
      <xsl:if test="not($schema/sch:ns[@prefix = 'xs'])">
        <xsl:namespace name="xs" select="'http://www.w3.org/2001/XMLSchema'"/>
      </xsl:if>
      <xsl:copy-of select="$schema/(xsl:key | xsl:function)"/>
      <xsl:apply-templates select="$schema/sch:let | $the-phase/sch:let" mode="let"/>
      <!-- which patterns to run on this document: '*' (all), or the modes the caller chose
           from the names each pattern needs (listed below for it) -->
      <axsl:param name="teiedit:run" as="xs:string" select="'*'"/>
      <axsl:variable name="teiedit:modes" select="tokenize($teiedit:run)"/>
      <!-- patterns with the same candidates (tei_all has dozens of tei:*[@calendar]) share
           one search of the document: a global variable is evaluated once, when first used -->
      <xsl:for-each select="$selects">
        <axsl:variable name="teiedit:select{position()}" select="{.}"/>
      </xsl:for-each>
      <xsl:for-each select="$active">
        <teiedit:pattern mode="p{position()}">
          <xsl:copy-of select="@teiedit:needs"/>
        </teiedit:pattern>
      </xsl:for-each>
      <xsl:call-template name="positions"/>
      <axsl:template match="/">
        <svrl:schematron-output phase="{$phase-id}">
          <xsl:for-each select="$active">
            <axsl:if test="$teiedit:modes = ('*', 'p{position()}')">
              <axsl:apply-templates mode="p{position()}" select="{
                  if (@teiedit:select != '')
                  then '$teiedit:select' || index-of($selects, string(@teiedit:select))
                  else '/'}"/>
            </axsl:if>
          </xsl:for-each>
        </svrl:schematron-output>
      </axsl:template>
      <xsl:for-each select="$active">
        <xsl:call-template name="pattern">
          <xsl:with-param name="mode" select="'p' || position()"/>
        </xsl:call-template>
      </xsl:for-each>
    </axsl:stylesheet>
  </xsl:template>

  <!-- where a finding is: the number in document order of its element (of the element
       holding it, for an attribute or text node), and the rest of its path -->
  <xsl:template name="positions">
    <axsl:mode use-accumulators="#all"/>
    <axsl:accumulator name="teiedit:order" as="xs:integer" initial-value="0">
      <axsl:accumulator-rule match="*" phase="start" select="$value + 1"/>
    </axsl:accumulator>
    <axsl:function name="teiedit:node" as="xs:string">
      <axsl:param name="node" as="node()"/>
      <axsl:sequence select="
          if ($node instance of element()) then ''
          else if ($node instance of attribute())
          then '@' || (if (namespace-uri($node) = '') then ''
                       else 'Q{{' || namespace-uri($node) || '}}') || local-name($node)
          else if ($node instance of text())
          then 'text()[' || count($node/preceding-sibling::text()) + 1 || ']'
          else path($node)"/>
    </axsl:function>
  </xsl:template>

  <xsl:template name="pattern">
    <xsl:param name="mode" as="xs:string" xmlns:xs="http://www.w3.org/2001/XMLSchema"/>
    <xsl:variable name="pattern" select="."/>
    <xsl:variable name="rules" select="sch:rule"/>
    <!-- visit attributes and text nodes only when some rule context could match them:
         most patterns match elements only, and skipping the rest is most of the speed -->
    <xsl:variable name="contexts" select="string-join($rules/@context, ' ')"/>
    <xsl:variable name="direct" select="string(@teiedit:select) != ''"/>
    <xsl:variable name="children" select="if ($direct) then '' else string-join((
        if (matches($contexts, '@|attribute::')) then '@*' else (),
        if (matches($contexts, 'text\(\)|node\(\)|comment\(\)|processing-instruction'))
        then 'node()' else '*'), '|')"/>
    <xsl:choose>
      <xsl:when test="$direct">
        <!-- the candidates were selected directly: no walk through the tree -->
        <axsl:template match="node()|@*" mode="{$mode}" priority="-1000"/>
      </xsl:when>
      <xsl:otherwise>
        <axsl:template match="/" mode="{$mode}" priority="-1000">
          <axsl:apply-templates select="node()" mode="{$mode}"/>
        </axsl:template>
        <axsl:template match="*" mode="{$mode}" priority="-1000">
          <axsl:apply-templates select="{$children}" mode="{$mode}"/>
        </axsl:template>
        <axsl:template match="@*|text()|comment()|processing-instruction()" mode="{$mode}" priority="-1000"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:for-each select="$rules">
      <axsl:template match="{@context}" mode="{$mode}" priority="{1000 - position()}">
        <xsl:apply-templates select="$pattern/sch:let" mode="let"/>
        <!-- lets first (an inlined abstract rule's too), then the checks in order -->
        <xsl:apply-templates select="sch:let" mode="let"/>
        <xsl:apply-templates select="sch:assert | sch:report">
          <xsl:with-param name="pattern" select="$pattern"/>
          <xsl:with-param name="rule" select="."/>
        </xsl:apply-templates>
        <xsl:if test="not($direct)">
          <axsl:apply-templates select="{$children}" mode="{$mode}"/>
        </xsl:if>
      </axsl:template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="sch:let" mode="let">
    <xsl:choose>
      <xsl:when test="@value">
        <axsl:variable name="{@name}" select="{@value}"/>
      </xsl:when>
      <xsl:otherwise>
        <axsl:variable name="{@name}"><xsl:copy-of select="node()"/></axsl:variable>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="sch:assert | sch:report">
    <xsl:param name="pattern"/>
    <xsl:param name="rule"/>
    <xsl:variable name="element" select="if (self::sch:assert) then 'svrl:failed-assert' else 'svrl:successful-report'"/>
    <axsl:if test="{if (self::sch:assert) then 'not(' || @test || ')' else @test}">
      <xsl:element name="{$element}">
        <xsl:attribute name="test" select="replace(replace(@test, '\{', '{{'), '\}', '}}')"/>
        <xsl:for-each select="@id, @role, @flag">
          <xsl:attribute name="{local-name()}" select="replace(replace(., '\{', '{{'), '\}', '}}')"/>
        </xsl:for-each>
        <xsl:attribute name="teiedit:pattern" select="($pattern/@id, 'pattern-' || count($pattern/preceding-sibling::sch:pattern) + 1)[1]"/>
        <xsl:if test="$rule/@id">
          <xsl:attribute name="teiedit:rule" select="$rule/@id"/>
        </xsl:if>
        <axsl:attribute name="teiedit:node" select="teiedit:node(.)"/>
        <axsl:attribute name="teiedit:element"
            select="(ancestor-or-self::*[1]/accumulator-before('teiedit:order'), 0)[1]"/>
        <svrl:text><xsl:apply-templates select="node()" mode="text"/></svrl:text>
        <xsl:for-each select="tokenize(@diagnostics)">
          <svrl:diagnostic-reference diagnostic="{.}">
            <xsl:apply-templates select="$schema//sch:diagnostic[@id = current()]/node()" mode="text"/>
          </svrl:diagnostic-reference>
        </xsl:for-each>
      </xsl:element>
    </axsl:if>
  </xsl:template>

  <!-- message text: literal text, computed names and values -->
  <xsl:template match="text()" mode="text">
    <axsl:text><xsl:value-of select="."/></axsl:text>
  </xsl:template>
  <xsl:template match="sch:name" mode="text">
    <axsl:value-of select="name({(@path, '.')[1]})"/>
  </xsl:template>
  <xsl:template match="sch:value-of" mode="text">
    <axsl:value-of select="{@select}"/>
  </xsl:template>
  <xsl:template match="sch:emph | sch:dir | sch:span" mode="text">
    <xsl:apply-templates select="node()" mode="text"/>
  </xsl:template>
  <xsl:template match="*" mode="text"/>
</xsl:stylesheet>
