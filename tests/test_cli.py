"""The command line: output shapes, and clear exit-2 messages for user mistakes."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys

import pandas as pd
import pytest
from test_dutch_help import dutch_english_words

from simulation import PARAMETERS, PRESETS, Scenario, load_scenario, save_scenario, simulate
from simulation.cli import ARGPARSE_TEXTS, build_parser, main, retold
from simulation.language import template_pattern
from simulation.model.entities import LEAD_STATES
from simulation.parameters import SPECS
from simulation.presets import preset_about
from simulation.results import KPI_SPECS
from simulation.texts import TEXTS

REQUIRED_KPIS = {
    "leads_generated", "opportunities", "quotes_sent", "deals_won", "win_rate", "sales_cycle_days_mean",
    "quote_lead_time_days_mean", "promises_kept_share", "customers_start", "customers_end", "new_customers",
    "loyal_customers", "ex_customers", "churn_rate_annual", "avg_grade", "nps", "revenue", "sales_cost", "margin",
    "complaints", "complaints_within_target_share", "forecast_error",
}


def _json_run(capsys, *args):
    assert main(["run", "--json", "--years", "1", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_run_json_has_the_promised_keys_and_matches_the_api(capsys):
    out = _json_run(capsys, "--seed", "5", "--preset", "over_promise")
    assert {"seed", "scenario", "kpis", "conservation"} <= out.keys()
    assert REQUIRED_KPIS <= out["kpis"].keys()
    assert out["seed"] == 5 and out["scenario"]["funnel.promise_policy"] == "customer_wish"
    assert out["conservation"]["balanced"] is True
    expected = simulate(Scenario(out["scenario"]), seed=5).kpis
    assert out["kpis"]["margin"] == pytest.approx(expected["margin"], rel=1e-12)


def test_set_and_scenario_file_are_applied_in_order(capsys, tmp_path):
    path = save_scenario(Scenario({"funnel.promise_policy": "honest_buffer", "run.years": 2}), tmp_path / "s.toml")
    out = _json_run(capsys, "--scenario", str(path), "--set", "market.alignment=integrated")
    assert out["scenario"]["funnel.promise_policy"] == "honest_buffer"
    assert out["scenario"]["market.alignment"] == "integrated" and out["scenario"]["run.years"] == 1


def test_a_hand_written_scenario_file_goes_over_the_preset(capsys, tmp_path):
    """A file that holds only what it changes starts from the preset typed (it used to drop the preset silently);
    a saved file holds every value, so it is the same scenario whatever the preset."""
    partial = tmp_path / "spin.toml"
    partial.write_text('[funnel]\nsales_method = "spin"\n', encoding="utf-8")
    out = _json_run(capsys, "--preset", "over_promise", "--scenario", str(partial))
    assert out["scenario"]["funnel.sales_method"] == "spin"
    assert out["scenario"]["funnel.promise_policy"] == "customer_wish"  # over_promise's, not the baseline's
    saved = save_scenario(Scenario({"funnel.sales_method": "spin"}), tmp_path / "saved.toml")
    out = _json_run(capsys, "--preset", "over_promise", "--scenario", str(saved))
    assert out["scenario"]["funnel.promise_policy"] == "honest"


@pytest.mark.parametrize(("document", "english", "dutch"), [
    ('[funel]\nsales_method = "spin"\n', "Unknown concept 'funel'. Did you mean 'funnel'? Choose one of: 'run', ",
     "Onbekend concept 'funel'. Bedoel je 'funnel'? Kies uit: 'run', "),
    ("funnel = 3\n", "'funnel' must be given as a table of its parameters, such as {'funnel.qualification_method': …} "
                     "or a section [funnel] in a scenario file. Got 3 instead.",
     "'funnel' geef je als een tabel met zijn parameters, zoals {'funnel.qualification_method': …} of een sectie "
     "[funnel] in een scenariobestand. Je gaf 3.")])
def test_a_scenario_file_section_typed_wrong_is_told_as_a_section(capsys, tmp_path, document, english, dutch):
    """'[funel]' was 'Unknown parameter 'funel'' without a hint, and 'funnel = 3' 'Unknown parameter 'funnel''."""
    path = tmp_path / "s.toml"
    path.write_text(document, encoding="utf-8")
    for language, told in (("en", english), ("nl", dutch)):
        assert main(["run", "--scenario", str(path), "--language", language]) == 2
        assert capsys.readouterr().err.split(": ", 1)[1].startswith(told)


def test_run_prints_a_kpi_table_in_dutch(capsys):
    assert main(["run", "--years", "1", "--language", "nl"]) == 0
    out = capsys.readouterr().out
    assert "Gemiddeld rapportcijfer" in out and "Net Promotor Score" in out and "Criticasters" in out
    assert re.search(r"Marge +€ −?\d{1,3}(\.\d{3})+\n", out)  # euros with thousands dots
    assert re.search(r"Scoringspercentage +\d+,\d %\n", out)  # decimal comma, a space before %
    assert "1 jaar" in out.splitlines()[0] and "days" not in out and "dagen" in out


def test_run_exports_and_saves_the_scenario(capsys, tmp_path):
    xlsx, scenario_file = tmp_path / "r.xlsx", tmp_path / "used.json"
    assert main(["run", "--years", "1", "--seed", "3", "--export", str(xlsx), "--save-scenario", str(scenario_file)]) == 0
    monthly = pd.read_excel(xlsx, sheet_name="monthly")
    assert len(monthly) == 12
    recreated = simulate(load_scenario(scenario_file), seed=3)
    assert monthly["revenue"].sum() == pytest.approx(recreated.monthly["revenue"].sum())
    panel = pd.read_excel(xlsx, sheet_name="customer_months")
    assert len(panel) == len(recreated.customer_months)
    assert panel.groupby("month").revenue.sum().to_numpy() == pytest.approx(monthly["revenue"].to_numpy())


def test_params_json_lists_every_parameter(capsys):
    assert main(["params", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in rows] == [p.name for p in PARAMETERS]
    assert all(r["label_en"] and r["label_nl"] and r["help"] for r in rows)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_params_lists_every_parameter_in_the_commands_language(capsys, language):
    """Name as typed, label, default and allowed values, help: all in one language (the default as every face
    shows it, a choice as typed after --set)."""
    assert main(["params", "--language", language]) == 0
    out = capsys.readouterr().out
    word = {"en": "default", "nl": "standaard"}[language]
    for spec in PARAMETERS:
        block = re.split(r"\n  (?=\S)", out[out.index(f"  {spec.name} "):])[0]
        first, *rest = block.splitlines()
        assert first.split() == [spec.name, *spec.label(language).split()]
        default = f"'{spec.default}'" if spec.choices else spec.value_text(spec.default, language)
        words = " ".join(rest).split()
        assert words[:1 + len(default.split())] == [word, *f"{default};".split()], spec.name
        assert " ".join(spec.help_text(language).split()) in " ".join(words)
    if language == "nl":
        typed = re.sub(r"'\w+'|\b\w+\.\w+\b", " ", out)  # choices and parameter names are typed as the kit spells them
        assert not dutch_english_words(typed)
        assert "standaard € 20.000 per maand; € 0 – € 200.000 per maand" in out and "1–20 jaar" in out
    else:
        assert "default €20,000 per month; €0 – €200,000 per month" in out and "1–20 years" in out


@pytest.mark.parametrize("language", ["en", "nl"])
def test_presets_lists_every_preset_and_its_changes_in_the_commands_language(capsys, language):
    assert main(["presets", "--language", language]) == 0
    out = capsys.readouterr().out
    for name, (about, changes) in PRESETS.items():
        assert f"{name} " in out and preset_about(name, language) in out
        assert all(f"{key}=" in out for key in changes)  # as typed after --set
    assert ("Verwachtingsmanagement: 80 %" in out) == (language == "nl")
    assert ("Expectation management: 80%" in out) == (language == "en")
    if language == "nl":
        typed = re.sub(r"\b\w+\.\w+=\S+|^\w+", " ", out, flags=re.MULTILINE)  # names and settings as typed
        assert not dutch_english_words(typed)


def test_params_and_presets_speak_the_sessions_language_by_default(capsys, monkeypatch):
    monkeypatch.setattr("simulation.language._state", {"default": "nl"})
    assert main(["params"]) == 0 and main(["presets"]) == 0
    out = capsys.readouterr().out
    assert "Salestrechter, kwalificatie en beloftes" in out and preset_about("baseline", "nl") in out


@pytest.mark.parametrize("args, message", [
    (["--set", "funnel.promise_polcy=honest"], "Did you mean 'funnel.promise_policy'"),
    (["--set", "accounts.initial_customers=many"], "'accounts.initial_customers' parameter must be an integer"),
    (["--set", "funnel.promise_buffer=1.4"], "range [0, 1]"),
    (["--set", "nonsense"], "--set expects KEY=VALUE"),
    (["--preset", "greedy"], "Unknown preset 'greedy'"),
    (["--scenario", "no/such/file.json"], "Cannot read scenario file"),
    (["--export", "no/such/folder/out.csv"], "cannot write"),
    (["--export", "out.pdf"], "must end in one of"),
])
def test_user_mistakes_exit_2_with_one_clear_message(capsys, args, message):
    assert main(["run", "--years", "1", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_python_dash_m_reports_mistakes_without_traceback():
    done = subprocess.run([sys.executable, "-m", "simulation", "run", "--set", "run.years=0"],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert "'run.years' parameter must be an integer in the range [1, 20]. Got '0' instead." in done.stderr
    assert "Traceback" not in done.stderr


def test_a_negative_seed_is_a_user_mistake(capsys):
    assert main(["run", "--years", "1", "--seed", "-1"]) == 2
    assert "The seed must be a non-negative integer. Got -1 instead." in capsys.readouterr().err


#: Commands typed wrong, one for each of argparse's own messages (`cli.ARGPARSE_TEXTS`).
TYPED_WRONG = {
    "usage.required": ["experiment", "compare"],
    "usage.one_of": ["game", "submit", "x.game"],
    "usage.not_with": ["game", "submit", "x.game", "--team", "A", "--code", "B"],
    "usage.choice": ["experiment", "replcate"],
    "usage.value": ["run", "--seed", "one"],
    "usage.one_value": ["run", "--preset"],
    "usage.unrecognized": ["run", "--bogus", "1"],
}


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("key", ARGPARSE_TEXTS)
def test_a_command_typed_wrong_is_one_line_in_the_commands_language(capsys, key, language):
    """argparse's own mistakes too: one line, status 2, in the language the command asks for. In English the
    message is argparse's own, word for word (so its row still matches this Python's argparse); in Dutch it is
    the row's Dutch, with Dutch words for a number's kind."""
    assert main([*TYPED_WRONG[key], "--language", language]) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert not captured.out and len(lines) == 1, captured.err
    prefix, prog, message = re.fullmatch(r"(error|fout): (python -m simulation[\w ]*): (.*) \((?:see|zie) .*\)",
                                          lines[0]).groups()
    assert prefix == ("fout" if language == "nl" else "error") and prog.startswith("python -m simulation")
    assert template_pattern(TEXTS[key][language == "nl"]).fullmatch(message), message
    if language == "nl":  # argparse's English words are gone; option names stay as typed
        assert not re.search(r"\b(invalid|expected|required|choose|from|int|float|unrecognized|allowed)\b", message)


def _commands(parser, path=()):
    """Every command line that has a --help of its own: the kit, each command and each of their subcommands."""
    yield list(path)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, subparser in action.choices.items():
                yield from _commands(subparser, (*path, name))


COMMANDS = [" ".join(path) for path in _commands(build_parser())]


def _help(capsys, command: str, language: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        main([*command.split(), "--help", "--language", language])
    assert stopped.value.code == 0
    return capsys.readouterr().out


def _typed(help_text: str) -> str:
    """A help without what is typed as the kit spells it: the usage paragraph, the command names that start the
    lines of a command list, options, {choices}, names with _ or a dot, start(..., course=...), and the names
    of the default preset and KPIs and of scenarios A and B."""
    prose = re.sub(r"(?m)^ {4}\w+", " ", help_text.split("\n\n", 1)[1])
    typed = re.sub(r"--?[\w-]+|\{[^}]*\}|\b\w*[_.]\w+(?:\.\w+)*\b|start\([^)]*\)|=\S+", " ", prose)
    return re.sub(r"\b(?:baseline|revenue|margin|nps|A|B)\b", " ", typed)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_speaks_the_commands_language(capsys, command):
    """`--help` of every command in Dutch has Dutch words only (argparse's own too: gebruik, argumenten, opties),
    and the English help is argparse's usual layout."""
    dutch, english = _help(capsys, command, "nl"), _help(capsys, command, "en")
    assert dutch.startswith("gebruik: python -m simulation") and "opties:" in dutch
    assert english.startswith("usage: python -m simulation") and "options:" in english
    assert not dutch_english_words(_typed(dutch)), command
    assert ("argumenten:" in dutch) == ("positional arguments:" in english)
    assert dutch.count("gebruik:") == 1  # a subcommand's usage line is not prefixed twice


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_help_text_is_shown_by_some_help(capsys, language):
    """No help row is left unused, and each shows as written (argparse's % fields do not eat a '%')."""
    shown = " ".join(_help(capsys, command, language) for command in COMMANDS)
    def flat(text: str) -> str:  # argparse wraps lines, also after a hyphen
        return re.sub(r"-\s+", "-", " ".join(text.split()))

    shown = flat(shown)
    missing = [key for key, pair in TEXTS.items()
               if key.startswith("help.") and not template_pattern(flat(pair[language == "nl"])).search(shown)]
    assert not missing


@pytest.mark.parametrize("typed", [["--language", "nl"], ["--language=nl"], ["--lang", "nl"], ["--la=nl"]])
def test_the_commands_language_is_read_as_argparse_reads_it(capsys, typed):
    """Before argparse has understood the command (its --help, a command typed wrong), shortened too."""
    assert main(["run", "--seed", "one", *typed]) == 2
    assert capsys.readouterr().err.startswith("fout: ")


def test_argparse_is_read_back_and_other_words_are_left_alone():
    assert retold("the following arguments are required: --against", "nl") == "deze argumenten ontbreken: --against"
    assert retold("argument --round: invalid float value: 'x'", "nl") == "argument --round: verwacht een getal, niet 'x'"
    assert retold("a message argparse words otherwise", "nl") == "a message argparse words otherwise"  # not guessed


def test_a_command_typed_wrong_speaks_the_sessions_language_by_default(capsys, monkeypatch):
    monkeypatch.setattr("simulation.language._state", {"default": "nl"})
    assert main(["run", "--seed", "one"]) == 2
    assert capsys.readouterr().err.startswith("fout: python -m simulation run: argument --seed: verwacht een geheel "
                                              "getal, niet 'one'")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_workbook_says_what_each_column_holds_in_the_runs_language(tmp_path, language):
    """An export's row sheets have English column names and codes ('sal', 'how', 'wins', 'loyal'), the same in
    every language so a program reads any export; nothing in the workbook said what they hold. The 'columns'
    sheet does, for every column of every row sheet, in the run's language, and the scenario sheet labels each
    parameter as the parameter table does."""
    xlsx = tmp_path / "r.xlsx"
    assert main(["run", "--years", "1", "--seed", "3", "--language", language, "--export", str(xlsx)]) == 0
    sheets = pd.read_excel(xlsx, sheet_name=None)
    columns = sheets["columns"]
    labels = {(sheet, column): label for sheet, column, label in zip(columns.sheet, columns.column, columns.label)}
    assert list(labels) == [(sheet, column) for sheet in ("monthly", "customer_months", "accounts", "leads")
                            for column in sheets[sheet].columns]
    assert labels["monthly", "sal"] == KPI_SPECS["sales_accepted_leads"].label(language)
    assert dict(zip(columns.column, columns.unit))["quote_costs"] == "€"
    scenario = sheets["scenario"].set_index("field")
    assert scenario.loc["market.campaign_spend_per_month", "label"] == \
        SPECS["market.campaign_spend_per_month"].label(language)
    assert scenario.loc["market.campaign_spend_per_month", "unit"] == "€/month"
    for sheet in ("customer_months", "accounts", "leads"):  # every code a column holds is in its text, quoted
        for column in sheets[sheet]:
            codes = {code for code in sheets[sheet][column].unique() if isinstance(code, str) and code}
            assert all(f"'{code}'" in labels[sheet, column] for code in codes), (sheet, column, codes)
    assert all(f"'{state}'" in labels["leads", "state"] for state in LEAD_STATES)
    if language == "nl":  # Dutch words around the codes
        for label in [*(label for (sheet, _), label in labels.items() if sheet != "monthly"),
                      *scenario.loc[["name", "seed"], "label"]]:
            words = re.sub(r"'[^']*'", " ", label)
            assert not dutch_english_words(words), (label, dutch_english_words(words))
        assert labels["accounts", "wins"].startswith("Aantal keer gewonnen")


def test_the_scenario_sheet_keeps_numbers_as_numbers(tmp_path):
    """The `scenario` sheet of a workbook export held every value as text ('1', '20000.0'): a spreadsheet could
    not compute with them. Numbers are numbers now; a yes/no and a choice stay the text a scenario file holds."""
    openpyxl = pytest.importorskip("openpyxl")
    xlsx = tmp_path / "r.xlsx"
    assert main(["run", "--years", "1", "--seed", "3", "--set", "market.campaign_spend_per_month=20000",
                 "--set", "churn.annual_at_grade_6=0.25", "--export", str(xlsx)]) == 0
    sheet = openpyxl.load_workbook(xlsx)["scenario"]
    values = {row[0].value: row[1].value for row in sheet.iter_rows(min_row=2)}
    assert values["seed"] == 3 and values["run.years"] == 1 and type(values["run.years"]) is int
    assert values["churn.annual_at_grade_6"] == 0.25 and type(values["churn.annual_at_grade_6"]) is float
    assert values["market.campaign_spend_per_month"] == 20000  # a cell holds a number, whole or not
    assert type(values["market.campaign_spend_per_month"]) in (int, float)
    assert values["funnel.promise_policy"] == "honest" and values["market.lead_nurturing"] == "True"
    assert values["name"] == "baseline"


@pytest.mark.parametrize(("language", "message"), [
    ("en", "error: --export and --save-scenario both name '{path}': the results would overwrite the scenario. Give "
           "them different names.\n"),
    ("nl", "fout: --export en --save-scenario noemen allebei '{path}': de resultaten zouden het scenario "
           "overschrijven. Geef ze verschillende namen.\n"),
])
def test_export_and_saved_scenario_in_one_file_is_refused(capsys, tmp_path, monkeypatch, language, message):
    """`run --export same.json --save-scenario same.json` wrote the scenario, then the results over it."""
    monkeypatch.chdir(tmp_path)
    assert main(["run", "--years", "1", "--export", "same.json", "--save-scenario", "./same.json",
                 "--language", language]) == 2
    assert capsys.readouterr().err == message.format(path="same.json")
    assert not (tmp_path / "same.json").exists()  # refused before the run: nothing written


def test_an_export_suffix_in_capitals_is_accepted(capsys, tmp_path):
    """`--export out.XLSX` was refused for its capitals; it is a workbook like out.xlsx."""
    xlsx = tmp_path / "out.XLSX"
    assert main(["run", "--years", "1", "--export", str(xlsx)]) == 0
    assert pd.read_excel(xlsx, sheet_name="monthly").shape[0] == 12


#: What `python -m simulation presets` must not import: the grading tools and the lessons' notebook reader.
NOTEBOOK_TOOLS = ("nbformat", "nbclient", "jsonschema", "simulation.grading", "simulation.lessons")


@pytest.mark.parametrize(("argv", "imported"), [(["presets"], False), (["run", "--years", "1"], False),
                                                (["experiment", "replicate", "--help"], False),
                                                (["grade", "--help"], True)])
def test_a_command_imports_only_what_it_needs(argv, imported):
    """Every command imported the grading tools (two of `presets`' four seconds, and a Ctrl-C in them was a
    traceback); only `grade` does now. `grade --help` shows the check can fail."""
    code = (f"import sys\nfrom simulation.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
            f"print([m for m in sys.modules if m.startswith({NOTEBOOK_TOOLS!r})], file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    loaded = eval(done.stderr.strip().splitlines()[-1])
    assert bool(loaded) is imported, loaded


def test_every_command_is_listed_when_only_one_is_built():
    everything = build_parser()._subparsers._group_actions[0]
    one = build_parser("en", "presets")._subparsers._group_actions[0]
    assert list(one.choices) == list(everything.choices)
    assert [a.help for a in one._choices_actions] == [a.help for a in everything._choices_actions]


@pytest.mark.parametrize(("language", "told"), [("en", "interrupted\n"), ("nl", "onderbroken\n")])
def test_ctrl_c_while_the_command_is_imported_is_one_line_and_130(language, told):
    """A Ctrl-C before `main` can catch it (the command's modules still importing) was a 50-line traceback and
    status 254. The SIGINT is sent exactly when `simulation.cli` is imported, so the test is not timing-bound."""
    code = ("import importlib.abc, runpy, signal, sys\n"
            "class Interrupt(importlib.abc.MetaPathFinder):\n"
            "    def find_spec(self, name, path, target=None):\n"
            "        if name == 'simulation.cli':\n"
            "            signal.raise_signal(signal.SIGINT)\n"
            "        return None\n"
            "sys.meta_path.insert(0, Interrupt())\n"
            "sys.argv = ['simulation', 'presets', '--language', sys.argv[1]]\n"
            "runpy.run_module('simulation', run_name='__main__', alter_sys=True)\n")
    done = subprocess.run([sys.executable, "-c", code, language], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stderr, done.stdout) == (130, told, "")


@pytest.mark.parametrize(("language", "said"), [("en", "wrote"), ("nl", "opgeslagen:")])
def test_a_command_that_writes_a_file_says_so(tmp_path, capsys, language, said):
    """`run --export` and `experiment --out` wrote their workbook without a word (a manager's walkthrough); the line
    goes to stderr, so `--json` output stays JSON."""
    workbook, record = tmp_path / "run.xlsx", tmp_path / "experiment"
    assert main(["run", "--years", "1", "--set", "accounts.initial_customers=40", "--export", str(workbook),
                 "--json", "--language", language]) == 0
    captured = capsys.readouterr()
    assert f"{said} {workbook}" in captured.err and json.loads(captured.out)
    assert main(["experiment", "replicate", "-n", "2", "--years", "1", "--set", "accounts.initial_customers=40",
                 "--out", str(record), "--language", language]) == 0
    assert f"{said} {record}" in capsys.readouterr().err
