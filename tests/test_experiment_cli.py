"""`python -m simulation experiment ...`: tables, JSON, saved rows, and exit 2 on user mistakes."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from test_dutch_help import dutch_english_words, dutch_numbers, english_numbers
from test_dutch_lessons import ENGLISH_NUMBER_STYLE

from simulation.cli import main
from simulation.experiment import executors, load_experiment, replicate, sensitivity
from simulation.experiment.executors import MAX_WORKERS
from simulation.parameters import SPECS
from simulation.scenario import ScenarioError

SMALL = ["--years", "1", "--set", "accounts.initial_customers=40", "--set", "market.inbound_leads_per_month=6"]


#: The note below 10 replications (the tests run 2 or 3 for speed).
FEW = re.compile(r"(note: (\d) replications give rough intervals .*|let op: (\d) runs geven ruwe intervallen .*)\n")


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["experiment", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _without_note(err: str, n: int, language: str = "en") -> str:
    """stderr without the few-replications note, which must be there, once, in `language`, for `n`."""
    notes = FEW.findall(err)
    assert len(notes) == 1 and notes[0][1 if language == "en" else 2] == str(n), err
    return FEW.sub("", err)


def test_replicate_prints_means_with_intervals(capsys):
    code, out, err = _run(capsys, "replicate", *SMALL, "-n", "3", "--kpi", "margin", "--kpi", "nps")
    assert code == 0 and err == ("note: 3 replications give rough intervals (their width rests on the spread of 3 "
                                 "runs); use -n 10 or more for an answer to act on\n")
    assert "3 replications" in out and "Margin" in out and "Net Promoter Score" in out
    assert re.search(r"baseline +Margin +−?€[\d,]+ +−?€[\d,]+ – −?€[\d,]+\n", out), out  # mean, then its interval


def test_compare_json_holds_the_record_and_the_difference_table(capsys):
    code, out, _ = _run(capsys, "compare", "--preset", "honest_promise", "--against", "over_promise", *SMALL,
                        "-n", "3", "--seed", "9", "--vary", "market.competitor_intensity=0.8:1.4", "--json",
                        "--kpi", "margin")
    document = json.loads(out)
    assert code == 0 and document["kind"] == "compare" and document["seed"] == 9
    assert [s["name"] for s in document["scenarios"]] == ["honest_promise", "over_promise"]
    assert all(s["values"]["run.years"] == 1 for s in document["scenarios"])  # --set applies to both
    assert document["uncertain"]["market.competitor_intensity"]["high"] == 1.4
    assert [row["kpi"] for row in document["table"]] == ["margin"]
    assert 0 <= document["table"][0]["prob_a_beats_b"] <= 1


def test_sweep_and_sensitivity_print_their_tables(capsys, tmp_path):
    code, out, _ = _run(capsys, "sweep", *SMALL, "-n", "2", "--param", "funnel.promise_policy=honest,customer_wish",
                        "--kpi", "nps", "--out", str(tmp_path / "grid"))
    assert code == 0 and "Promise policy" in out and "Promise what the customer wishes" in out  # labels, not keys
    assert load_experiment(tmp_path / "grid").settings == {"parameters": ["funnel.promise_policy"]}
    code, out, _ = _run(capsys, "sensitivity", *SMALL, "-n", "2", "--param", "satisfaction.base_grade=6:8",
                        "--param", "market.nurture_months", "--kpi", "nps")
    assert code == 0 and out.index(SPECS["satisfaction.base_grade"].label()) < out.index(
        SPECS["market.nurture_months"].label())


def test_a_saved_workbook_says_what_its_columns_hold_in_the_commands_language(capsys, tmp_path):
    code, _, _ = _run(capsys, "replicate", *SMALL, "-n", "2", "--language", "nl", "--out", str(tmp_path / "r.xlsx"))
    columns = pd.read_excel(tmp_path / "r.xlsx", sheet_name="columns").set_index(["sheet", "column"])
    assert code == 0 and columns.loc[("summary", "mean"), "label"] == "Gemiddelde over de runs"
    assert columns.loc[("runs", "nps"), "label"] == "Net Promotor Score"


@pytest.mark.parametrize("design", [None, "replicate", "compare", "sweep", "sensitivity"])
def test_help_of_every_design_prints(capsys, design):
    with pytest.raises(SystemExit) as leaving:
        main(["experiment", *([design] if design else []), "--help"])
    assert leaving.value.code == 0 and "--" in capsys.readouterr().out


@pytest.mark.parametrize(("argv", "message"), [
    (["replicate", "--kpi", "profit"], "Unknown KPI 'profit'"),
    (["replicate", "-n", "0"], "number of replications"),
    (["replicate", "--vary", "market.competitor_intensity=2:9"], r"range \[0, 3\]"),
    (["replicate", "--vary", "market.competitor_intensity"], "--vary expects KEY=VALUE"),
    (["replicate", "--workers", "0"], "number of workers"),
    (["compare", "--against", "cheapest"], "Unknown preset 'cheapest'"),
    (["compare", "--against", "missing.toml"], "Cannot read scenario file"),
    (["sweep", "--param", "funnel.promise_policy=honest,cheap"], "'funnel.promise_policy' parameter must be"),
    (["sensitivity", "--param", "satisfaction.base_grade=8:6"],
     "^error: --param satisfaction.base_grade=8:6: the low value 8 must be below the high value 6; write low:high.$"),
    (["replicate", "-n", "1", "--years", "1", "--out", "rows.csv"], "folder"),
    (["replicate", "--vary", "market.competitor_intensity=2:1"],  # was: "Got Uniform(low=2.0, high=1.0)"
     "^error: --vary market.competitor_intensity=2:1: the low value 2 must be below the high value 1; write "
     "low:high.$"),
    (["replicate", "--vary", "market.competitor_intensity=0.8:2:1.5"],
     "^error: --vary market.competitor_intensity=0.8:2:1.5: the most likely value 2 must lie between the low value "
     "0.8 and the high value 1.5; write low:most likely:high.$"),
])
def test_user_mistakes_exit_2_with_one_message(capsys, argv, message):
    code, out, err = _run(capsys, *argv)
    assert code == 2 and not out
    assert err.startswith("error: ") and err.count("\n") == 1
    assert re.search(message, err)


def test_overloaded_desks_are_reported_on_stderr(capsys):
    """As `run` does for one run: a warning line per variant and overloaded desk, the table still on stdout."""
    busy = ["--years", "1", "--set", "organisation.service_staff=1", "--set", "accounts.initial_customers=900"]
    code, out, err = _run(capsys, "replicate", *busy, "-n", "2", "--kpi", "margin")
    assert code == 0 and "Margin" in out
    assert re.fullmatch(r"warning: baseline: service desk overloaded in 2 of 2 runs; at worst [\d,]+ "
                        r"incidents waiting, [\d,]+ turned away\n", _without_note(err, 2)), err


#: One small experiment of each design, as a manager types it.
DESIGNS = {
    "replicate": ["replicate", *SMALL, "-n", "2", "--kpi", "margin", "--kpi", "churn_rate_annual"],
    "compare": ["compare", "--preset", "honest_promise", "--against", "over_promise", *SMALL, "-n", "2",
                "--vary", "market.competitor_intensity=0.8:1.4"],
    "sweep": ["sweep", *SMALL, "-n", "2", "--param", "funnel.promise_policy=honest,customer_wish", "--kpi", "nps"],
    "sensitivity": ["sensitivity", *SMALL, "-n", "2", "--param", "market.competitor_intensity",
                    "--param", "churn.annual_at_grade_6=0.1:0.3", "--kpi", "nps"],
}


@pytest.mark.parametrize("design", DESIGNS)
def test_a_dutch_manager_reads_the_same_answer_in_dutch(capsys, design):
    """Every line in Dutch, in Dutch number style, with the very numbers the English table shows."""
    code, dutch, err = _run(capsys, *DESIGNS[design], "--language", "nl")
    assert code == 0 and not _without_note(err, 2, "nl")
    english = _run(capsys, *DESIGNS[design], "--language", "en")[1]
    assert dutch.count("\n") == english.count("\n") and dutch != english
    for line in dutch.splitlines():
        shown = re.sub(r"'[\w.]+'|\b[AB]\b", " ", line)  # a scenario's own name stays as typed; sides A and B
        assert not dutch_english_words(shown), (dutch_english_words(shown), line)
        assert not ENGLISH_NUMBER_STYLE.search(shown), line
    assert sorted(dutch_numbers(dutch)) == sorted(english_numbers(english))
    assert [dutch.count(sign) for sign in "−+"] == [english.count(sign) for sign in "−+"]  # and the same signs


def test_the_numbers_check_can_fail():
    assert dutch_numbers("€ 1.234.567 en 12,5 %") == [12.5, 1234567.0]
    assert dutch_numbers("€ 1.234.567") != english_numbers("€1,234,568")


def test_an_experiment_speaks_the_sessions_language_by_default(capsys, monkeypatch):
    monkeypatch.setattr("simulation.language._state", {"default": "nl"})
    code, out, _ = _run(capsys, *DESIGNS["replicate"])
    assert code == 0 and out.startswith("Herhaald scenario: 2 runs per scenario")
    code, out, err = _run(capsys, "replicate", "--vary", "market.competitor_intensity")
    assert code == 2 and err.startswith("fout: --vary verwacht NAAM=WAARDE") and not out


@pytest.mark.parametrize(("argv", "message"), [
    (["replicate", "--vary", "market.competitor_intensity=0.8-1.5"], "moet LAAG:HOOG of LAAG:MODUS:HOOG zijn"),
    (["compare", "--against", "missing.toml"], "Kan het scenariobestand '.*missing.toml' niet lezen: het bestand of "
                                               "de map bestaat niet"),
    (["sweep", "--param", "funnel.promise_policy=honest,honest"], "mag elke waarde maar één keer bevatten"),
    (["sensitivity", "--param", "funnel.promise_policy"], "werkt alleen met een getalsparameter"),
    (["replicate", "-n", "1", "--years", "1", "--out", "rows.csv"], "Sla een experiment op in een map"),
    (["replicate", "--workers", str(MAX_WORKERS + 1)], f"Een procespool kan hoogstens {MAX_WORKERS} workers aan"),
    (["sensitivity", "--param", "market.competitor_intensity=2:1"],
     "^fout: --param market.competitor_intensity=2:1: de lage waarde 2 moet onder de hoge waarde 1 liggen; schrijf "
     "laag:hoog.$"),
])
def test_a_dutch_managers_mistakes_are_told_in_dutch(capsys, argv, message):
    code, out, err = _run(capsys, *argv, "--language", "nl")
    assert code == 2 and not out
    assert err.startswith("fout: ") and err.count("\n") == 1 and re.search(message, err), err


def test_the_tables_show_the_values_typed_and_differences_in_points(capsys):
    """A sweep over 1.0 and 1.02 has two rows, a range typed as 0.85:1.15 shows as typed, and a share's swing
    is in percentage points (the slider's step, 0.1, does not round them away)."""
    code, out, _ = _run(capsys, "sweep", *SMALL, "-n", "2", "--param", "market.competitor_intensity=1.0,1.02",
                        "--kpi", "nps")
    assert code == 0 and re.search(r"\n1\.0× .*\n1\.02× ", out), out
    code, out, _ = _run(capsys, "sensitivity", *SMALL, "-n", "2", "--param", "market.competitor_intensity=0.85:1.15",
                        "--kpi", "churn_rate_annual", "--language", "nl")
    assert code == 0 and re.search(r"\n.* 0,85×–1,15× .* [+−]?\d+,\d %-punt\n", out), out


#: Two assumptions on the customers left after a year: more churn loses ~25 of 200, more inbound leads win ~6.
TORNADO = ["sensitivity", *SMALL, "--set", "accounts.initial_customers=200", "-n", "2", "--kpi", "customers_end",
           "--param", "market.inbound_leads_per_month=5:7", "--param", "churn.annual_at_grade_6=0.05:0.6"]


@pytest.mark.parametrize(("language", "header", "customers"), [("en", "Swing (high − low)", "customers"),
                                                               ("nl", "Verschil (hoog − laag)", "klanten")])
def test_a_kpi_that_falls_as_the_assumption_rises_shows_a_negative_swing(capsys, language, header, customers):
    """More churn leaves fewer customers: the swing is high − low with its minus, in both languages (it was the
    size alone, shown with a '+'), and the rows go by the swing's size, this fall before the smaller rise that
    more inbound leads bring, as a tornado does."""
    code, out, _ = _run(capsys, *TORNADO, "--language", language)
    lines = out.splitlines()
    assert code == 0 and header in lines[1], out
    assert lines[3].startswith(SPECS["churn.annual_at_grade_6"].label(language)), out  # the bigger move first
    assert re.search(rf"  −[\d.,]+ {customers}  ", lines[3]), out
    assert lines[4].startswith(SPECS["market.inbound_leads_per_month"].label(language)), out
    assert re.search(rf"  \+[\d.,]+ {customers}  ", lines[4]), out
    # the swing's paired interval last: more inbound leads' small rise is within the noise of two runs
    interval = {"en": "95% interval of the swing", "nl": "95 %-interval van het verschil"}[language]
    assert lines[1].endswith(interval) and re.search(rf"−[\d.,]+ {customers} – \+[\d.,]+ {customers}$", lines[4])


def test_the_api_swing_is_high_minus_low_with_its_sign():
    table = sensitivity({"run.years": 1, "accounts.initial_customers": 200, "market.inbound_leads_per_month": 6},
                        {"market.inbound_leads_per_month": (5, 7), "churn.annual_at_grade_6": (0.05, 0.6)}, 2,
                        kpi="customers_end").tornado()
    assert table["parameter"].tolist() == ["churn.annual_at_grade_6", "market.inbound_leads_per_month"]
    churn = table.iloc[0]
    assert churn["kpi_high"] < churn["kpi_low"] and churn["swing"] == churn["kpi_high"] - churn["kpi_low"] < 0
    assert all(table["swing_ci_low"] <= table["swing"]) and all(table["swing"] <= table["swing_ci_high"])


@pytest.mark.parametrize(("session", "argv", "first_line"), [
    ("en", ["--language", "nl", "replicate"], "Herhaald scenario: 2 runs per scenario"),  # as kit.py passes it on
    ("en", ["replicate", "--language", "nl"], "Herhaald scenario: 2 runs per scenario"),
    ("nl", ["--language", "en", "replicate"], "Replicated scenario: 2 replications per scenario"),
    ("nl", ["replicate", "--language", "en"], "Replicated scenario: 2 replications per scenario"),
    ("en", ["--language", "nl", "replicate", "--language", "en"], "Replicated scenario: 2 replications"),  # the last
])
def test_the_language_may_come_before_the_design(capsys, monkeypatch, session, argv, first_line):
    """`kit.py --language nl experiment replicate` runs `experiment --language nl replicate`: it was refused
    ("argument OPZET: ongeldige keuze 'nl'"); the design's own --language, when not typed, must not undo it."""
    monkeypatch.setattr("simulation.language._state", {"default": session})
    code, out, err = _run(capsys, *argv, *SMALL, "-n", "2", "--kpi", "margin")
    language = "nl" if first_line.startswith("Herhaald") else "en"
    assert code == 0 and not _without_note(err, 2, language) and out.startswith(first_line), (out, err)


@pytest.mark.parametrize(("n", "noted"), [(9, True), (10, False)])
def test_fewer_than_10_replications_are_noted_as_a_first_look(capsys, n, noted):
    """-n 2 printed its intervals as if they were an answer: with so few runs the spread they rest on is itself a
    guess. Below 10 a note says so (the table is still printed); from 10 on, nothing."""
    code, out, err = _run(capsys, "replicate", *SMALL, "-n", str(n), "--kpi", "margin")
    assert code == 0 and f"{n} replications per scenario" in out
    assert (_without_note(err, n) == "") if noted else (err == ""), err


def test_a_mistake_after_the_language_before_the_design_is_told_in_that_language(capsys):
    code, out, err = _run(capsys, "--language", "nl", "replicate", "--vary", "market.competitor_intensity")
    assert code == 2 and not out and err.startswith("fout: --vary verwacht NAAM=WAARDE"), err


@pytest.mark.parametrize(("language", "header", "row", "note"), [
    ("en", "Replicated scenario: 1 replication per scenario, ", r"\nbaseline +Margin +−?€[\d,]+ +n/a\n",
     "note: one replication gives means but no confidence intervals (n/a); use -n 2 or more to see how sure they "
     "are\n"),
    ("nl", "Herhaald scenario: 1 run per scenario, ", r"\nbasis +Marge +€ −?[\d.]+ +n\.v\.t\.\n",
     "let op: één run geeft gemiddelden maar geen betrouwbaarheidsintervallen (n.v.t.); kies -n 2 of meer om te "
     "zien hoe zeker ze zijn\n"),
])
def test_one_replication_runs_with_a_note_instead_of_an_interval(capsys, language, header, row, note):
    """-n 1 stays allowed (a scenario's first look; the API and the panels take it), but the table said
    'n/a–n/a' under '1 replications' and nothing why: now one 'n/a', '1 replication' and a note on stderr."""
    code, out, err = _run(capsys, "replicate", *SMALL, "-n", "1", "--kpi", "margin", "--language", language)
    assert code == 0 and out.startswith(header) and re.search(row, out), out
    assert err == note


@pytest.mark.parametrize(("argv", "told"), [
    (["--workers", "3"], "use at most 2, or insist with --yes."),
    (["--workers", "3", "--language", "nl"], "gebruik er hoogstens 2, of zet door met --yes."),
    (["--workers", "2", "-n", "5000", "--years", "10"], "To run it anyway, pass --yes; or use fewer replications"),
    (["--workers", "2", "-n", "5000", "--years", "10", "--language", "nl"], "Geef dan --yes mee, of kies minder"),
])
def test_the_command_line_tells_yes_and_python_tells_force(capsys, monkeypatch, argv, told):
    """Each face names what its user types: the command line --yes, Python force=True (the message said
    'pass force=True (command line: --yes)' to both)."""
    monkeypatch.setattr(executors, "local_cores", lambda: 2)
    code, out, err = _run(capsys, "replicate", *argv)
    assert code == 2 and not out and told in err and err.count("\n") == 1 and "force" not in err, err
    with pytest.raises(ScenarioError) as raised:
        replicate("baseline", 2, workers=3)
    assert str(raised.value).endswith("or insist with force=True.") and "--yes" not in str(raised.value)
    assert raised.value.in_language("nl").endswith("of zet door met force=True.")


@pytest.mark.parametrize(("language", "label"), [("en", "Replicated scenario"), ("nl", "Herhaald scenario")])
def test_the_progress_bar_is_labelled_in_the_commands_language(capsys, monkeypatch, language, label):
    """A Dutch manager's terminal showed 'replicate:  23%|…' (found by a manager's walkthrough)."""
    from simulation.experiment import progress, runner
    from simulation.language import get_language

    labels = []

    class Recorded(progress.Progress):
        def __init__(self, option, total, description):
            labels.append(description)
            super().__init__(None, total, description)

    monkeypatch.setattr(runner, "Progress", Recorded)
    code, _, _ = _run(capsys, "replicate", *SMALL, "-n", "2", "--language", language)
    assert code == 0 and labels == [label]
    assert get_language() == "en"  # the session's language as it was


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_sweep_shows_each_point_against_the_first_paired(capsys, language):
    """The points' own intervals overlapped and read as 'no difference', although every point runs on the same
    seeds and the paired difference was clear (a manager's walkthrough: 2 against 6 key account managers)."""
    from simulation.experiment import sweep
    from simulation.experiment.stats import differences
    from simulation.experiment.tables import means_table

    result = sweep({"run.years": 1, "accounts.initial_customers": 40, "market.inbound_leads_per_month": 6},
                   {"organisation.key_account_managers": [2, 6]}, 3, seed=1)
    table = means_table(result, ["margin"], language)
    against = table.iloc[:, -1].tolist()
    assert against[0] == {"en": "reference", "nl": "referentie"}[language]
    paired = differences(result.variant_runs(result.variants[1]), result.variant_runs(result.variants[0]),
                         ["margin"]).iloc[0]
    # '€ −474.925 (€ −657.775 – € −292.075)' in Dutch, '−€474,925 (−€657,775 – −€292,075)' in English: signed
    amounts = re.findall(r"[−+]?€ ?[−+]?[\d.,]*\d", against[1])
    thousands = "." if language == "nl" else ","
    shown = [(-1 if "−" in amount else 1) * int(re.sub(r"[^\d]", "", amount.replace(thousands, ""))) for amount in amounts]
    assert shown == [round(v) for v in (paired.difference, paired.ci_low, paired.ci_high)], against[1]


def test_a_comparison_says_it_is_paired(capsys):
    """The header did not say that A and B ran on the same seeds, which is what makes the interval of A − B narrow
    (a manager's walkthrough)."""
    code, out, _ = _run(capsys, "compare", *SMALL, "--against", "over_promise", "-n", "2", "--kpi", "margin")
    assert code == 0 and out.startswith("Paired comparison (A and B on the same seeds): 2 replications per scenario")


#: What each design's figure shows, by its title (the figure functions' own titles, in Dutch).
FIGURE_TITLES = {"replicate": "Gemiddelde per scenario met 95 %-betrouwbaarheidsinterval",
                 "compare": "Marge\neerlijk beloven is beter in", "sweep": "Net Promotor Score over de reeks",
                 "sensitivity": "Gevoeligheid van Net Promotor Score"}


@pytest.mark.parametrize("design", DESIGNS)
def test_figure_draws_the_designs_answer_in_the_managers_language(capsys, monkeypatch, tmp_path, design):
    """No experiment command drew its answer (the figures were only in `simulation.plots`, unnamed in the README):
    --figure writes the one the design's table answers with, for the table's first KPI, in the table's
    language, and says so; a kind of file it cannot write is refused before the runs."""
    from dutch_figures import check_drawn_texts
    from matplotlib.text import Text

    from simulation.plots import style

    drawn = []
    save = style.save_figure
    monkeypatch.setattr(style, "save_figure", lambda figure, path: (drawn.append(figure), save(figure, path))[1])
    path = tmp_path / f"{design} antwoord.png"
    code, out, err = _run(capsys, *DESIGNS[design], "--language", "nl", "--figure", str(path))
    assert code == 0 and f"opgeslagen: {path}" in err, err
    png = path.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") >= 1000  # sharp enough for a slide
    figure, = drawn
    check_drawn_texts(figure)
    titles = " ".join(t.get_text() for t in figure.findobj(Text))
    assert FIGURE_TITLES[design] in titles, titles
    monkeypatch.setattr("simulation.experiment.cli._experiment", lambda *_: pytest.fail("ran before the refusal"))
    code, out, err = _run(capsys, *DESIGNS[design], "--figure", str(tmp_path / "answer.pdf"))
    assert code == 2 and not out and "answer.pdf' must end in one of .png, .svg." in err, err
