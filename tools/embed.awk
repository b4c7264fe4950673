# Turns each file given into a C string constant: lib/site/assets/site.css becomes
# kith_asset_site_css[].  Used by the Makefile; the assets are part of kith.
function name_of(path,   n) {
	n = path
	sub(/.*\//, "", n)
	gsub(/[^A-Za-z0-9]/, "_", n)
	return "kith_asset_" n
}
FNR == 1 {
	if (NR > 1)
		print ";"
	printf "const char %s[] =\n", name_of(FILENAME)
}
{
	line = $0
	gsub(/\\/, "&&", line)	# "&" is the match: each backslash doubled
	gsub(/"/, "\\\"", line)
	printf "\t\"%s\\n\"\n", line
}
END { print ";" }
