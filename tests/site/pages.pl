#!/usr/bin/perl
# tests/site/pages.pl: the static checks of one page of kith's site, for
# tests/site/run.  Plain Perl (core modules only), so it runs on any Debian.
#
#   pages.pl tidy PAGE < TIDY_OUTPUT   prints tidy's messages that are not
#                                      justified below (nothing: the page passes)
#   pages.pl svg PAGE DIR              writes each <svg>...</svg> of PAGE into
#                                      DIR as a file of its own, prints their paths
#   pages.pl safety PAGE               prints every unsafe thing in PAGE
#
# Each prints one problem a line and exits 0; the runner counts the lines.
use strict;
use warnings;
use Digest::SHA qw(sha256);
use MIME::Base64 qw(encode_base64);

my ($cmd, $page, @rest) = @ARGV;
die "usage: pages.pl tidy|svg|safety PAGE [DIR]\n" unless $cmd && $page;

open(my $fh, '<:raw', $page) or die "pages.pl: cannot read $page: $!\n";
my $html = do { local $/; <$fh> };
close $fh;

# Where each inline <svg> element starts and ends (byte offsets).
sub svg_spans {
	my @spans;
	while ($html =~ /<svg\b.*?<\/svg>/sg) {
		push @spans, [$-[0], $+[0]];
	}
	return @spans;
}

if ($cmd eq 'tidy') {
	# Byte offset of each line start, to place tidy's "line L column C".
	my @line_start = (0);
	while ($html =~ /\n/g) {
		push @line_start, pos($html);
	}
	my @spans = svg_spans();
	my $in_svg = sub {
		my ($line, $col) = @_;
		my $at = ($line_start[$line - 1] // 0) + $col - 1;
		for my $s (@spans) {
			return 1 if $at >= $s->[0] && $at < $s->[1];
		}
		return 0;
	};
	while (my $msg = <STDIN>) {
		chomp $msg;
		next if $msg =~ /^\s*$/;
		# tidy's closing advice after an error, not a problem of its own.
		next if $msg =~ /^(?:This document has errors that must be fixed before|using HTML Tidy to generate a tidied up version\.)$/;
		my ($line, $col) = $msg =~ /^line (\d+) column (\d+) - /;
		if (defined $line && $in_svg->($line, $col)) {
			# Justified: tidy 5.6 checks the <a> of inline SVG against
			# HTML's attribute table.  SVG 1.1 links with xlink:href and
			# xlink:title (what Graphviz writes, with xmlns:xlink on the
			# <svg>), SVG 2 with a plain href; HTML5 takes both inside
			# <svg> (foreign content).  Only inside an <svg> element.
			next if $msg =~ /Warning: <a> proprietary attribute "(?:xlink:href|xlink:title|href)"$/;
			# Justified: an <svg>'s width and height are SVG lengths, and
			# "1336pt" is one (Graphviz sizes its pictures in points);
			# tidy checks them as HTML's pixel sizes.  Only a number with
			# an SVG unit passes.
			next if $msg =~ /Warning: <svg> attribute "(?:width|height)" has invalid value "[0-9.]+(?:pt|px|pc|mm|cm|in|em|ex|%)?"$/;
		}
		print "$msg\n";
	}
	exit 0;
}

if ($cmd eq 'svg') {
	my ($dir) = @rest;
	die "usage: pages.pl svg PAGE DIR\n" unless $dir;
	my $i = 0;
	while ($html =~ /(<svg\b.*?<\/svg>)/sg) {
		my $svg = $1;
		my $out = sprintf('%s/svg-%03d.svg', $dir, ++$i);
		open(my $o, '>:raw', $out) or die "pages.pl: cannot write $out: $!\n";
		print $o qq{<?xml version="1.0" encoding="UTF-8"?>\n}, $svg, "\n";
		close $o;
		print "$out\n";
	}
	exit 0;
}

die "pages.pl: unknown command $cmd\n" unless $cmd eq 'safety';

# ---- safety ----

# The character references a browser decodes in an attribute value and
# that can spell or hide a scheme: every numeric one (with or without its
# ';'), and the named ones of ASCII punctuation and white space.
my %named = (
	Tab => "\t", NewLine => "\n", excl => '!', quot => '"', QUOT => '"',
	num => '#', dollar => '$', percnt => '%', amp => '&', AMP => '&',
	apos => "'", lpar => '(', rpar => ')', ast => '*', midast => '*',
	plus => '+', comma => ',', period => '.', sol => '/', colon => ':',
	semi => ';', lt => '<', LT => '<', equals => '=', gt => '>', GT => '>',
	quest => '?', commat => '@', lsqb => '[', lbrack => '[', bsol => '\\',
	rsqb => ']', rbrack => ']', Hat => '^', lowbar => '_', grave => '`',
	lcub => '{', lbrace => '{', verbar => '|', vert => '|', rcub => '}',
	rbrace => '}', nbsp => "\xa0",
);

sub decode {
	my ($v) = @_;
	$v =~ s/&#[xX]0*([0-9a-fA-F]{1,6});?/chr(hex $1)/ge;
	$v =~ s/&#0*([0-9]{1,7});?/chr($1)/ge;
	$v =~ s/&([A-Za-z]+);/exists $named{$1} ? $named{$1} : "&$1;"/ge;
	return $v;
}

# Is a URL attribute safe: a relative URL, or one of the allowed schemes?
# As a browser reads it: leading and trailing C0 controls and spaces are
# dropped, tabs and line ends anywhere are removed.
sub url_safe {
	my ($v) = @_;
	$v = decode($v);
	$v =~ s/^[\x00-\x20]+|[\x00-\x20]+$//g;
	$v =~ s/[\t\n\r]//g;
	return 1 unless $v =~ /^([A-Za-z][A-Za-z0-9+.\-]*):/;
	return lc($1) =~ /^(?:https?|mailto|tel)$/;
}

my @problems;
my $short = sub { my $s = shift; $s =~ s/\s+/ /g; length($s) > 160 ? substr($s, 0, 160) . '...' : $s };

# The Content-Security-Policy is the first element of <head>, and its
# hashes are those of the page's one <style> and one <script>.
my ($csp) = $html =~ /^<!DOCTYPE html>\s*<html[^>]*>\s*<head>\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i;
if (!defined $csp) {
	push @problems, 'the first element of <head> is not the Content-Security-Policy';
	$csp = '';
}
push @problems, "the policy allows more than kith's own: $csp"
    if $csp !~ /default-src 'none'/ || $csp =~ /unsafe-|https?:|\*|data:/;
# Style sheets: only the site's own origin (kith's site.css), no inline one.
push @problems, "the policy's style-src is not 'self' alone: $csp"
    unless $csp =~ /(?:^|;)\s*style-src 'self'\s*(?:;|$)/;

# Raw text elements: their content is not markup.  Keep what they hold,
# then blank it so that the tag scan sees only tags.
my (@scripts, @styles);
my $scan = $html;
$scan =~ s{(<script\b[^>]*>)(.*?)(</script\s*>)}{push @scripts, $2; $1 . (' ' x length $2) . $3}gise;
$scan =~ s{(<style\b[^>]*>)(.*?)(</style\s*>)}{push @styles, $2; $1 . (' ' x length $2) . $3}gise;
$scan =~ s{<!--.*?-->}{' ' x length $&}gse;

sub b64hash { my $h = encode_base64(sha256($_[0]), ''); return $h }
# kith's script sorts and filters the people list; no other page has one.
my $scripted = $page =~ m{(?:^|/)people/index\.html$} ? 1 : 0;
if (@scripts != $scripted) {
	push @problems, scalar(@scripts) . " <script> elements (kith writes $scripted)";
}
push @problems, "a page without a script whose policy names one: $csp"
    if !$scripted && $csp =~ /script-src/;
for my $s (@scripts) {
	my $h = b64hash($s);
	push @problems, "a <script> whose hash sha256-$h the policy does not name: " . $short->($s)
	    unless index($csp, "'sha256-$h'") >= 0;
}
for my $s (@styles) {
	my $h = b64hash($s);
	push @problems, "a <style> whose hash sha256-$h the policy does not name"
	    unless index($csp, "'sha256-$h'") >= 0;
}

# Every tag, its attributes read the way an HTML tokenizer reads them.
my %url_attr = map { $_ => 1 } qw(href xlink:href src action formaction data
    poster background ping srcset codebase cite longdesc manifest);
my %loader = map { $_ => 1 } qw(img iframe frame frameset object embed base
    link form audio video source track applet image use foreignobject);
my $scripts_seen = 0;
my $sheets_seen = 0;
my $head_end = index($html, '</head>');
while ($scan =~ /<([A-Za-z][^\s\/>]*)/g) {
	my $tag = lc $1;
	my $start = $-[0];
	my @attrs;
	while (1) {
		$scan =~ /\G[\s\/]*/gc;
		last if $scan =~ /\G>/gc || pos($scan) >= length $scan;
		$scan =~ /\G([^\s\/>=][^\s\/>=]*)/gc or do { pos($scan)++; next };
		my ($name, $value) = (lc $1, undef);
		if ($scan =~ /\G\s*=\s*/gc) {
			if ($scan =~ /\G"([^"]*)"/gc || $scan =~ /\G'([^']*)'/gc ||
			    $scan =~ /\G([^\s>]*)/gc) {
				$value = $1;
			}
		}
		push @attrs, [$name, $value];
	}
	my $text = substr($scan, $start, pos($scan) - $start);
	$scripts_seen++ if $tag eq 'script';
	# kith's style sheet: one <link>, in <head>, to site.css at the root
	if ($tag eq 'link' && $start < $head_end && $sheets_seen++ == 0 &&
	    $text =~ m{^<link rel="stylesheet" href="(?:\.\./)?site\.css">$}) {
		next;
	}
	push @problems, "a <$tag> element, which loads or embeds: " . $short->($text)
	    if $loader{$tag};
	push @problems, "<meta http-equiv=refresh>: " . $short->($text)
	    if $tag eq 'meta' && grep { $_->[0] eq 'http-equiv' && ($_->[1] // '') =~ /refresh/i } @attrs;
	for my $a (@attrs) {
		my ($name, $value) = @$a;
		push @problems, "an event-handler attribute $name: " . $short->($text)
		    if $name =~ /^on[a-z]+$/;
		push @problems, "a style attribute (the policy refuses it): " . $short->($text)
		    if $name eq 'style';
		push @problems, "an unsafe $name: " . $short->($text)
		    if $url_attr{$name} && defined $value && !url_safe($value);
	}
}
# kith's own script is the only one, and the only <script> tag of the page.
push @problems, "$scripts_seen <script> tags (kith writes $scripted)" if $scripts_seen != $scripted && @scripts == $scripted;

# The plain text search of the issue, as a second net that needs no
# tokenizer: every "href=" or "src=" in the page, its next 60 bytes decoded,
# must not start a dangerous scheme.
while ($html =~ /(?:href|src|action)\s*=\s*["']?/gi) {
	my ($at, $end) = ($-[0], $+[0]);
	my $v = decode(substr($html, $end, 60));
	$v =~ s/[\x00-\x20]//g;
	push @problems, "text search: a URL attribute starting a dangerous scheme: " .
	    $short->(substr($html, $at, 80))
	    if $v =~ /^(?:javascript|vbscript|data|file|blob):/i;
}

print "$_\n" for @problems;
exit 0;
