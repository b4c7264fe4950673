# bash completion for kith(1): its commands, their options and values, and
# after --person, --company, --with, show and intro the names of the journal's
# people and companies, which
# kith itself lists (kith __complete), so a name with a space completes as
# one word.  Installed as share/bash-completion/completions/kith.

_kith_commands="due check site show people intro graph stats init new import export help"
_kith_globals="-j --journal --today --color -q --quiet -h --help --version"

# The names for --person in the journal of the command line (-j DIR),
# one a line.
_kith_names()
{
	local dir=$1
	local -a journal=()

	if [[ -n $dir ]]; then
		[[ $dir == "~"* ]] && dir=$HOME${dir:1}
		journal=(--journal "$dir")
	fi
	kith "${journal[@]}" __complete people 2>/dev/null
	kith "${journal[@]}" __complete companies 2>/dev/null
}

# The names that begin with what was typed ($1), into COMPREPLY, one word
# each: readline quotes what it inserts (-o filenames); what was typed is
# matched without its quote or backslashes.
_kith_complete_names()
{
	local word name

	compopt -o filenames 2>/dev/null
	word=${1#[\"\']}
	word=${word//\\/}
	while IFS= read -r name; do
		[[ $name == "$word"* ]] && COMPREPLY+=("$name")
	done < <(_kith_names "$2")
}

_kith()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev= cmd= dir= word name i
	local IFS=$' \t\n'

	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	# --opt=value: bash splits it at "=", so the option is two back
	if [[ $prev == "=" ]] && ((COMP_CWORD > 1)); then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	elif [[ $cur == "=" ]]; then
		prev=${COMP_WORDS[COMP_CWORD - 1]}
		cur=
	fi
	# the command, and the journal to ask for names
	for ((i = 1; i < COMP_CWORD; i++)); do
		word=${COMP_WORDS[i]}
		case $word in
		-j | --journal)
			dir=${COMP_WORDS[i + 1]}
			((i++)) ;;
		--today | --color | --horizon | --format | --kind | --person | -o | --output | \
		    --tag | --company | --sort | --with | --date | --vcard-version)
			((i++))
			[[ ${COMP_WORDS[i]} == "=" ]] && ((i++)) ;;
		-*) ;;
		*) [[ -z $cmd ]] && cmd=$word ;;
		esac
	done

	COMPREPLY=()
	case $prev in
	-j | --journal | -o | --output)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	--today | --horizon)
		return ;;
	--color)
		COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
		return ;;
	--format)
		case $cmd in
		people) word="text json csv" ;;
		graph) word="dot json" ;;
		show | intro | stats) word="text json" ;;
		due) word="text markdown json ics" ;;
		*) word="text markdown json" ;;
		esac
		COMPREPLY=($(compgen -W "$word" -- "$cur"))
		return ;;
	--sort)
		COMPREPLY=($(compgen -W "name last strength due" -- "$cur"))
		return ;;
	--tag)
		return ;;
	--kind)
		COMPREPLY=($(compgen -W "meeting thank-you next-step task check-in
		    date reciprocity target" -- "$cur"))
		return ;;
	--date)
		return ;;
	--vcard-version)
		COMPREPLY=($(compgen -W "4.0 3.0" -- "$cur"))
		return ;;
	--person | --company | --with)
		_kith_complete_names "$cur" "$dir"
		return ;;
	esac

	case $cmd in
	"")
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$_kith_globals" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$_kith_commands" -- "$cur"))
		fi ;;
	due)
		COMPREPLY=($(compgen -W "--horizon --format --kind --person --all
		    $_kith_globals" -- "$cur")) ;;
	check)
		COMPREPLY=($(compgen -W "--strict --explain --list $_kith_globals" \
		    -- "$cur")) ;;
	site)
		COMPREPLY=($(compgen -W "-o --output $_kith_globals" -- "$cur")) ;;
	show | intro)
		if [[ $cur == -* ]]; then
			word="--format $_kith_globals"
			[[ $cmd == intro ]] && word="--all $word"
			COMPREPLY=($(compgen -W "$word" -- "$cur"))
		else
			_kith_complete_names "$cur" "$dir"
		fi ;;
	people)
		COMPREPLY=($(compgen -W "--tag --company --sort --fading --format
		    $_kith_globals" -- "$cur")) ;;
	graph | stats)
		COMPREPLY=($(compgen -W "--format $_kith_globals" -- "$cur")) ;;
	init)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -d -- "$cur")) ;;
	new)
		if [[ $prev == new ]]; then
			COMPREPLY=($(compgen -W "person meeting company" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "--with --date --kind --company -e
			    --edit" -- "$cur"))
		fi ;;
	import)
		if [[ $prev == import ]]; then
			COMPREPLY=($(compgen -W "linkedin vcard" -- "$cur"))
		elif [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--dry-run -n" -- "$cur"))
		else
			compopt -o filenames 2>/dev/null
			COMPREPLY=($(compgen -f -- "$cur"))
		fi ;;
	export)
		if [[ $prev == export ]]; then
			COMPREPLY=($(compgen -W "vcard ics" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "--vcard-version" -- "$cur"))
		fi ;;
	help)
		[[ $prev == help ]] &&
		    COMPREPLY=($(compgen -W "$_kith_commands" -- "$cur")) ;;
	esac
}

complete -F _kith kith
