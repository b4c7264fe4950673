# The simulated job search (tests/sim/README.md): `make sim` lives 91
# nights with `kith due` on a generated journal of 300 people and prints
# the figures the follow-up rules are judged by.  A benchmark, not a test:
# it fails only when kith crashes or exits with status 2 or more.  About
# ten seconds; Python 3, standard library only.
#
#   make sim                                   the default run
#   make sim SIM_ARGS="--seed 2 --people 1000"
#   make sim SIM_ARGS="--keep /tmp/sim"        keep the journal and reports

B ?= build
SIM_PYTHON ?= /usr/bin/python3
SIM_ARGS ?=

.PHONY: sim

sim: $(B)/kith
	$(SIM_PYTHON) tests/sim/run.py $(B)/kith $(SIM_ARGS)
