"""Every text the kit shows outside the parameter and KPI rows, in English and Dutch: one table.

Figures, panels, the stress test and the command line all look their texts up
here through `simulation.language.text`, so the two languages cannot drift
apart and a test can read every text in both. Keys are grouped by where the
text appears (`funnel.`, `panel.`, `stress.`, …). Dutch uses the course's own
terms (promotors, passief tevredenen, criticasters; scoringspercentage).
Labels of parameters, choices and KPIs live in their rows, not here.
"""

from __future__ import annotations

#: key -> (English, Dutch); `{name}` fields are filled in by `language.text`.
TEXTS: dict[str, tuple[str, str]] = {
    # --- warnings about a run (results, panels, command line)
    "warning.quotes_overloaded": ("quote desk ({role}) overloaded: {waiting} requests waiting",
                                  "offertedesk ({role}) overbelast: {waiting} aanvragen wachten"),
    "warning.service_overloaded": ("service desk overloaded: {waiting} incidents waiting, {turned_away} turned away",
                                   "servicedesk overbelast: {waiting} incidenten wachten, {turned_away} geweigerd"),
    # warnings about an experiment: a desk overloaded in some of a variant's replications, with its worst queue
    "warning.experiment_quotes": ("{variant}: quote desk ({role}) overloaded in {k} of {n} runs; at worst "
                                  "{waiting} requests waiting",
                                  "{variant}: offertedesk ({role}) overbelast in {k} van {n} runs; in het ergste "
                                  "geval wachten {waiting} aanvragen"),
    "warning.experiment_service": ("{variant}: service desk overloaded in {k} of {n} runs; at worst "
                                   "{waiting} incidents waiting, {turned_away} turned away",
                                   "{variant}: servicedesk overbelast in {k} van {n} runs; in het ergste geval "
                                   "wachten {waiting} incidenten, {turned_away} geweigerd"),
    # --- a name that is almost right
    "error.did_you_mean": (" Did you mean '{match}'?", " Bedoel je '{match}'?"),
    # --- user mistakes a student can make in a lesson, an exercise or a game page (`language.kit_error`)
    "error.see_params": (" See `python -m simulation params`.", " Zie `python -m simulation params`."),
    "error.unknown_parameter": ("Unknown parameter {got}.{hint}", "Onbekende parameter {got}.{hint}"),
    "error.parameter_name": ("Parameter names are text, such as 'funnel.promise_policy'. Got {got} instead.",
                             "Namen van parameters zijn tekst, zoals 'funnel.promise_policy'. Je gaf {got}."),
    "error.parameter_value": ("The '{name}' parameter must be {allowed}. Got {got} instead.{hint}",
                              "De parameter '{name}' moet {allowed} zijn. Je gaf {got}.{hint}"),
    "error.decimal_comma": ("The '{name}' parameter must be {allowed}, typed with a decimal point and no thousands "
                            "separators, such as {example}. Got {got} instead.",
                            "De parameter '{name}' moet {allowed} zijn, getypt met een decimale punt en zonder "
                            "scheidingstekens voor duizendtallen, zoals {example}. Je gaf {got}."),
    "error.number_two_ways": ("The '{name}' parameter must be {allowed}. {got} can be read two ways: type {decimal} "
                              "if the separator was a decimal point, or {whole} if it separated thousands (the kit "
                              "reads a point as the decimal point and takes no thousands separators).",
                              "De parameter '{name}' moet {allowed} zijn. {got} is op twee manieren te lezen: typ "
                              "{decimal} als het scheidingsteken een decimaalteken was, of {whole} als het "
                              "duizendtallen scheidde (de kit leest een punt als decimaalteken en kent geen "
                              "scheidingstekens voor duizendtallen)."),
    "error.allowed_choice": ("one of {choices}", "één van {choices}"),
    "error.allowed_bool": ("yes or no (true or false)", "ja of nee (True of False)"),
    "error.allowed_integer": ("an integer in the range [{low:g}, {high:g}]",
                              "een geheel getal van {low:g} tot en met {high:g}"),
    "error.allowed_number": ("a number in the range [{low:g}, {high:g}]", "een getal van {low:g} tot en met {high:g}"),
    "error.market_shares": ("'market.share_small' + 'market.share_large' must be at most 1 (the rest is medium). "
                            "Got {small:g} + {large:g} = {total:g} instead.",
                            "'market.share_small' + 'market.share_large' mag samen hoogstens 1 zijn (de rest is "
                            "middelgroot). Je gaf {small:g} + {large:g} = {total:g}."),
    "error.churn_order": ("{label_8} ('churn.annual_at_grade_8', {at_8:.0%}) must not exceed {label_6} "
                          "('churn.annual_at_grade_6', {at_6:.0%}): happier customers leave less.",
                          "{label_8} ('churn.annual_at_grade_8', {at_8:.0%}) mag niet hoger zijn dan {label_6} "
                          "('churn.annual_at_grade_6', {at_6:.0%}): tevredener klanten vertrekken minder."),
    "error.scenario_name_text": ("A scenario name must be text. Got {got} instead.",
                                 "De naam van een scenario moet tekst zijn. Je gaf {got}."),
    "error.scenario_name_length": ("A scenario name must be 1 to {most} characters. Got {got} instead.",
                                   "De naam van een scenario moet 1 tot en met {most} tekens hebben. Je gaf {got}."),
    "error.scenario_name_control": ("A scenario name cannot hold control characters (such as a newline, a tab or a "
                                    "terminal escape). Got {got} instead.",
                                    "De naam van een scenario mag geen stuurtekens bevatten (zoals een nieuwe regel, "
                                    "een tab of een stuurcode voor de terminal). Je gaf {got}."),
    "error.not_a_table": ("{what} must be given as {example}. Got {got} instead.",
                          "{what} geef je als {example}. Je gaf {got}."),
    "error.seed_whole": ("The {what} must be a non-negative integer. Got {got} instead.",
                         "De {what} moet een geheel getal van 0 of meer zijn. Je gaf {got}."),
    "error.seed_size": ("The {what} must be below 2**128. Got {got} instead.",
                        "De {what} moet kleiner zijn dan 2**128. Je gaf {got}."),
    "error.unknown_name": ("Python does not know the name '{name}'. Text goes between quotes ('{name}'), a number "
                           "in digits (10); if you made the name yourself, first run the cell that makes it.",
                           "Python kent de naam '{name}' niet. Tekst zet je tussen aanhalingstekens ('{name}'), een "
                           "getal schrijf je in cijfers (10); maakte je de naam zelf, draai dan eerst de cel waarin je "
                           "hem maakt."),
    "error.unknown_preset": ("Unknown preset {got}.{hint} Choose one of: {names}.",
                             "Onbekende preset {got}.{hint} Kies uit: {names}."),
    "error.lesson_without_exercises": ("The 'lesson' argument must name a lesson with exercises, such as '09' or "
                                       "'{example}'. Got {got}; lessons with exercises: {lessons}.",
                                       "Het argument 'lesson' moet een les met opgaven noemen, zoals '09' of "
                                       "'{example}'. Je gaf {got}; lessen met opgaven: {lessons}."),
    "error.unknown_kpi": ("Unknown KPI {got}.{hint} Known KPIs: {names}.",
                          "Onbekende KPI {got}.{hint} Bekende KPI's: {names}."),
    "error.no_kpis": ("The 'kpis' argument must name at least one KPI, e.g. ['win_rate', 'nps'].",
                      "Het argument 'kpis' moet minstens één KPI noemen, bijv. ['win_rate', 'nps']."),
    "error.range": ("'{name}' ({low:g} to {high:g})", "'{name}' ({low:g} tot en met {high:g})"),
    "error.ranges_and": (" and ", " en "),
    "error.uncertain_range": ("The uncertain range {ranges} can reach values that are not allowed: {error} Narrow "
                              "the range so every combination of lows and highs is allowed.",
                              "Het onzekere bereik {ranges} kan waarden bereiken die niet mogen: {error} Maak het "
                              "bereik kleiner, zodat elke combinatie van laagste en hoogste waarden mag."),
    "error.uncertain_ranges": ("The uncertain ranges {ranges} can reach values that are not allowed: {error} Narrow "
                               "the ranges so every combination of lows and highs is allowed.",
                               "De onzekere bereiken {ranges} kunnen waarden bereiken die niet mogen: {error} Maak "
                               "de bereiken kleiner, zodat elke combinatie van laagste en hoogste waarden mag."),
    "error.keep_events": ("The 'keep_events' argument must be one of {names}, True or False. Got {got} instead.",
                          "Het argument 'keep_events' moet één van {names}, True of False zijn. Je gaf {got}."),
    # the classroom game: what a team or the trainer asked that cannot be done
    "error.team_name": ("A team name is some text, such as 'Team A'; got {got}.",
                        "De naam van een team is tekst, zoals 'Team A'; je gaf {got}."),
    "error.team_name_length": ("A team name has at most {most} printable characters; got {got}.",
                               "De naam van een team heeft hoogstens {most} leesbare tekens; je gaf {got}."),
    "error.teams_room": ("A market of {suppliers} suppliers has room for 0 to {suppliers} teams; got {got}.",
                         "Een markt van {suppliers} leveranciers heeft plaats voor 0 tot en met {suppliers} teams; "
                         "je gaf {got}."),
    "error.teams_fit": ("{teams} teams do not fit a market of {suppliers} suppliers (setting 'suppliers').",
                        "{teams} teams passen niet in een markt van {suppliers} leveranciers (instelling "
                        "'suppliers')."),
    "error.team_names_twice": ("Every team needs a name of its own; {name} is given twice (capitals do not count).",
                               "Elk team heeft een eigen naam nodig; {name} komt twee keer voor (hoofdletters tellen "
                               "niet mee)."),
    "error.restart_running": ("Round {played} of {rounds} has been played: end the game first (its debrief stays "
                              "available), then start a new one.",
                              "Ronde {played} van {rounds} is gespeeld: beëindig eerst het spel (de nabespreking "
                              "blijft beschikbaar) en start daarna een nieuw spel."),
    "error.team_code": ("This team code is not known in this game.", "Deze teamcode hoort niet bij dit spel."),
    "error.trainer_code": ("This is not the trainer code of this game.", "Dit is niet de trainerscode van dit spel."),
    "error.no_team": ("No team '{team}' in this game (computer competitors take no submissions). Teams: {known}.",
                      "Geen team '{team}' in dit spel (computerconcurrenten leveren niets in). Teams: {known}."),
    "error.no_teams": ("none", "geen"),
    "error.game_ended": ("The trainer has ended the game after round {played}.",
                         "De trainer heeft het spel na ronde {played} beëindigd."),
    "error.undo_ended": ("The trainer has ended the game after round {played}: to take the end back, undo with "
                         "--end (the page: 'Undo the end'); a round is undone only while the game goes on.",
                         "De trainer heeft het spel na ronde {played} beëindigd: draai het einde terug met undo "
                         "--end (op de pagina: 'Einde terugdraaien'); een ronde terugdraaien kan alleen zolang het "
                         "spel loopt."),
    "error.undo_round": ("Round {asked} is not the last round played; round {played} is.",
                         "Ronde {asked} is niet de laatst gespeelde ronde; dat is ronde {played}."),
    "error.not_ended": ("The game has not ended, so there is no end to take back (was it taken back already?); "
                        "round {open} is open.",
                        "Het spel is niet beëindigd, dus er is geen einde terug te draaien (was het al "
                        "teruggedraaid?); ronde {open} is open."),
    "error.game_over": ("The game is over: all {rounds} rounds have been played.",
                        "Het spel is voorbij: alle {rounds} rondes zijn gespeeld."),
    "error.round_closed": ("Round {asked} is closed; round {open} is open now.",
                           "Ronde {asked} is gesloten; nu is ronde {open} open."),
    "error.round_not_open": ("Round {asked} is not open yet; round {open} is open now.",
                             "Ronde {asked} is nog niet open; nu is ronde {open} open."),
    "error.unknown_event": ("Unknown market event {got}.{hint} Events: {events}.",
                            "Onbekende marktgebeurtenis {got}.{hint} Gebeurtenissen: {events}."),
    "error.event_round": ("A market event needs a round still to be played: {first} to {last}; got {got}.",
                          "Een marktgebeurtenis moet in een ronde vallen die nog gespeeld moet worden: {first} tot "
                          "en met {last}; je gaf {got}."),
    "error.event_twice": ("'{event}' is already scheduled for round {round}.",
                          "'{event}' staat al gepland voor ronde {round}."),
    "error.practice_late": ("The practice round comes before round 1; round 1 has been played already.",
                            "De oefenronde komt vóór ronde 1; ronde 1 is al gespeeld."),
    "error.practice_overtaken": ("Round 1 was played while the practice round ran; the practice does not count.",
                                 "Ronde 1 werd gespeeld terwijl de oefenronde liep; de oefenronde telt niet."),
    "error.round_busy": ("The round could not be closed: submissions kept arriving. Try again.",
                         "De ronde kon niet worden gesloten: er kwamen steeds beslissingen binnen. Probeer het "
                         "opnieuw."),
    "error.nothing_to_undo": ("There is no round to undo: none has been played.",
                              "Er is geen ronde terug te draaien: er is er nog geen gespeeld."),
    "error.end_not_begun": ("No round has been played yet, so the game cannot end: play round 1 first. A game that "
                            "has not begun needs no ending; to start over, make a new game file.",
                            "Er is nog geen ronde gespeeld, dus het spel kan niet eindigen: speel eerst ronde 1. Een "
                            "spel dat nog niet begonnen is, hoeft niet te eindigen; begin opnieuw met een nieuw "
                            "spelbestand."),
    "error.round_not_played": ("Round {got} has not been played; rounds played: {played}.",
                               "Ronde {got} is nog niet gespeeld; gespeelde rondes: {played}."),
    "error.round_number": ("A round is a whole number such as 3; got {got}.",
                           "Een ronde is een geheel getal, zoals 3; je gaf {got}."),
    "error.decisions_table": ("Decisions are a table of parameter names and values; got {got}.",
                              "Beslissingen zijn een tabel van namen van parameters en waarden; je gaf {got}."),
    "error.not_a_decision": ("'{name}' is not a decision in this game.{hint} Decisions: {decisions}.",
                             "'{name}' is geen beslissing in dit spel.{hint} Beslissingen: {decisions}."),
    "error.choice_not_allowed": ("'{name}' = {got} is not allowed in this game; choose from {allowed}.",
                                 "'{name}' = {got} mag niet in dit spel; kies uit {allowed}."),
    "error.outside_range": ("'{name}' = {got} is outside the range the trainer allowed: {low:g}–{high:g}.",
                            "'{name}' = {got} valt buiten wat de trainer toestaat: {low:g}–{high:g}."),
    "error.people_budget": ("Together the reps and service staff are {people} people; this game's budget allows at "
                            "most {most}.",
                            "Verkopers en servicemedewerkers zijn samen {people} mensen; het budget van dit spel "
                            "laat hoogstens {most} toe."),
    # the game at a terminal (`python -m simulation game … --language nl`, `classroom --language nl`)
    "error.no_game_file": ("No game file '{file}'. Create one with: python -m simulation game new {name}",
                           "Geen spelbestand '{file}'. Maak er een aan met: python -m simulation game new {name} "
                           "--language nl"),
    "error.game_name_close": ("No game file '{file}', but there is '{match}' beside it: open that one (a new game "
                              "would give every team a new code), or start a new game with: python -m simulation game "
                              "new {name}",
                              "Geen spelbestand '{file}', maar wel '{match}' in dezelfde map: open dat bestand (een "
                              "nieuw spel geeft elk team een nieuwe code), of begin een nieuw spel met: python -m "
                              "simulation game new {name} --language nl"),
    "error.not_a_game_file": ("'{file}' is not a game file of this kit.",
                              "'{file}' is geen spelbestand van deze kit."),
    "error.game_file_folder": ("'{file}' is a folder, not a game file: give the path of a .game file, such as "
                               "{example}.",
                               "'{file}' is een map, geen spelbestand: geef het pad van een .game-bestand, zoals "
                               "{example}."),
    # a log changed by hand (the trainer's own file, told in the trainer's language); {entry} says which entry
    "error.log_submission": ("log entry {seq} (round {round}, team '{team}')", "regel {seq} van het logboek (ronde "
                             "{round}, team '{team}')"),
    "error.log_action": ("log entry {seq} (round {round}, '{kind}')", "regel {seq} van het logboek (ronde {round}, "
                         "'{kind}')"),
    "error.log_unreadable": ("Game file '{file}', {entry}: this entry cannot be read (it is not a JSON object). The "
                             "log was changed by hand; undo that change or go back to a copy of the file.",
                             "Spelbestand '{file}', {entry}: deze regel is onleesbaar (het is geen JSON-object). Het "
                             "logboek is met de hand veranderd; draai dat terug of ga terug naar een kopie van het "
                             "bestand."),
    "error.log_kind": ("The kit writes no entry of the kind {kind}: only submit, advance, undo, event, practice and "
                       "end.", "De kit schrijft geen regel van de soort {kind}: alleen submit, advance, undo, event, "
                               "practice en end."),
    "error.log_refused": ("Game file '{file}', {entry}: {error} The log was changed by hand (or made by another "
                          "version of the kit); undo that change or go back to a copy of the file.",
                          "Spelbestand '{file}', {entry}: {error} Het logboek is met de hand veranderd (of gemaakt met "
                          "een andere versie van de kit); draai dat terug of ga terug naar een kopie van het bestand."),
    # the settings and results stored in a game file, changed by hand (told like the log above)
    "error.settings_refused": ("Game file '{file}': {error} The settings stored in it were changed by hand (or made by "
                               "another version of the kit); undo that change or go back to a copy of the file.",
                               "Spelbestand '{file}': {error} De instellingen die erin staan, zijn met de hand "
                               "veranderd (of gemaakt met een andere versie van de kit); draai dat terug of ga terug "
                               "naar een kopie van het bestand."),
    "error.results_unreadable": ("Game file '{file}', {entry}: the results stored with it for '{supplier}' cannot be "
                                 "read (the kit stores a JSON object with a number for every KPI of the round). The "
                                 "results were changed by hand (or made by another version of the kit); undo that "
                                 "change or go back to a copy of the file.",
                                 "Spelbestand '{file}', {entry}: de uitslagen die erbij zijn opgeslagen voor "
                                 "'{supplier}' zijn onleesbaar (de kit slaat een JSON-object op met een getal voor "
                                 "elke KPI van de ronde). De uitslagen zijn met de hand veranderd (of gemaakt met een "
                                 "andere versie van de kit); draai dat terug of ga terug naar een kopie van het "
                                 "bestand."),
    "error.results_suppliers": ("Game file '{file}', {entry}: the results stored with it are for {stored}, but the "
                                "game's suppliers are {suppliers}. The results were changed by hand; undo that change "
                                "or go back to a copy of the file.",
                                "Spelbestand '{file}', {entry}: de uitslagen die erbij zijn opgeslagen, zijn van "
                                "{stored}, maar de leveranciers in dit spel zijn {suppliers}. De uitslagen zijn met de "
                                "hand veranderd; draai dat terug of ga terug naar een kopie van het bestand."),
    "error.results_missing": ("Game file '{file}', {entry}: no results are stored with it, but the game's suppliers "
                              "are {suppliers}. The results were changed by hand; undo that change or go back to a "
                              "copy of the file.",
                              "Spelbestand '{file}', {entry}: er zijn geen uitslagen bij opgeslagen, terwijl de "
                              "leveranciers in dit spel {suppliers} zijn. De uitslagen zijn met de hand veranderd; "
                              "draai dat terug of ga terug naar een kopie van het bestand."),
    "error.results_no_entry": ("Game file '{file}': results are stored with log entry {seq}, which is not in the log. "
                               "The results were changed by hand; undo that change or go back to a copy of the file.",
                               "Spelbestand '{file}': er zijn uitslagen opgeslagen bij regel {seq} van het logboek, "
                               "maar die regel staat niet in het logboek. De uitslagen zijn met de hand veranderd; "
                               "draai dat terug of ga terug naar een kopie van het bestand."),
    "error.game_exists": ("'{file}' already exists; choose another name or remove it first.",
                          "'{file}' bestaat al; kies een andere naam of verwijder het eerst."),
    "error.option_teams": ("--teams {got}: give a number of teams (--teams 4) or two or more team names separated by "
                           "commas (--teams Rood,Blauw,Groen); no name may be empty.",
                           "--teams {got}: geef het aantal teams (--teams 4) of twee of meer teamnamen, gescheiden "
                           "door komma's (--teams Rood,Blauw,Groen); geen naam mag leeg zijn."),
    "error.classroom_no_teams": ("--teams {got}: a class needs at least one team (--teams 4); for a market of "
                                 "computer competitors only, use: python -m simulation game new GAME --teams 0.",
                                 "--teams {got}: een klas heeft minstens één team nodig (--teams 4); een markt met "
                                 "alleen computerconcurrenten maak je met: python -m simulation game new SPEL --teams 0."),
    "error.option_port": ("--port {got}: give a port number from 1 to 65535 (--port {example}).",
                          "--port {got}: geef een poortnummer van 1 tot en met 65535 (--port {example})."),
    # a lesson asked for by number (`present NN`)
    "error.present_option": ("{got} is not an option of present (it passes the options it does not know on to "
                             "Voilà).{hint}",
                             "{got} is geen optie van present (opties die present niet kent, gaan door naar "
                             "Voilà).{hint}"),
    "error.no_lesson": ("No lesson {got}. Choose one of: {known}.", "Er is geen les {got}. Kies uit: {known}."),
    "error.option_code": ("--code {got}: this team code is not known in this game; a code looks like K7QMP-3XPAW "
                          "(ask the trainer for your team's code).",
                          "--code {got}: deze teamcode hoort niet bij dit spel; een code ziet eruit als K7QMP-3XPAW "
                          "(vraag de trainer om de code van je team)."),
    "error.option_team": ("--team {got}: no such team in this game.{hint} Teams: {known}.",
                          "--team {got}: dat team zit niet in dit spel.{hint} Teams: {known}."),
    "error.option_team_computer": ("--team {got} is a computer competitor; it takes no submissions. Teams: {known}.",
                                   "--team {got} is een computerconcurrent; daarvoor kun je niets insturen. "
                                   "Teams: {known}."),
    "error.option_file_kind": ("--file {got}: decisions are a .json or .toml file.",
                               "--file {got}: beslissingen staan in een .json- of .toml-bestand."),
    "error.option_file_missing": ("--file {got}: no such file.", "--file {got}: dat bestand bestaat niet."),
    "error.option_file_table": ("--file {got}: decisions are a table of parameter names and values, e.g. "
                                "{example}; got {content}.",
                                "--file {got}: beslissingen zijn een tabel van parameternamen en waarden, "
                                "zoals {example}; je gaf {content}."),
    "error.option_key_value": ("{option} expects KEY=VALUE, e.g. {example}. Got {got} instead.",
                               "{option} verwacht NAAM=WAARDE, zoals {example}. Je gaf {got}."),
    "error.nothing_to_submit": ("Nothing to submit: give decisions with --set KEY=VALUE (repeatable) or --file FILE.",
                                "Niets in te sturen: geef beslissingen met --set NAAM=WAARDE (kan meermaals) of "
                                "--file BESTAND."),
    # game settings: a trainer's settings file, also uploaded on a Dutch trainer page
    "error.settings_file": ("Game settings are a .json or .toml file; got {got}.",
                            "Spelinstellingen staan in een .json- of .toml-bestand; je gaf {got}."),
    "error.settings_table": ("Game settings are a table of names and values (JSON or TOML); got {got}.",
                             "Spelinstellingen zijn een tabel van namen en waarden (JSON of TOML); je gaf {got}."),
    "error.unknown_setting": ("Unknown game setting {got}.{hint} Known settings: {names}.",
                              "Onbekende spelinstelling {got}.{hint} Bekende instellingen: {names}."),
    "error.setting": ("Game setting '{setting}': {error}", "Spelinstelling '{setting}': {error}"),
    "error.setting_not_table": ("must be a table such as {example}; got {got}.",
                                "moet een tabel zijn, zoals {example}; je gaf {got}."),
    "error.setting_whole": ("must be a whole number from {low} to {high}; got {got}.",
                            "moet een geheel getal van {low} tot en met {high} zijn; je gaf {got}."),
    "error.setting_number": ("must be a number from {low:g} to {high:g}; got {got}.",
                             "moet een getal van {low:g} tot en met {high:g} zijn; je gaf {got}."),
    "error.setting_bot": ("unknown computer competitor {got}.{hint} Styles: {names}.",
                          "onbekende computerconcurrent {got}.{hint} Stijlen: {names}."),
    "error.setting_bots": ("must be a list of computer competitors' styles from {names}; got {got}.",
                           "moet een lijst zijn met stijlen van computerconcurrenten (kies uit {names}); "
                           "je gaf {got}."),
    "error.setting_game_only": ("'{name}' is the game's to set, not a team's.",
                                "'{name}' bepaalt het spel zelf; een team kiest dat niet."),
    "error.setting_choices": ("'{name}' allows a list of choices from {choices}; got {got}.",
                              "'{name}' verwacht een lijst met keuzes uit {choices}; je gaf {got}."),
    "error.setting_range": ("'{name}' needs a range [low, high] within {low:g}–{high:g}; got {got}.",
                            "'{name}' verwacht een bereik [laag, hoog] binnen {low:g}–{high:g}; je gaf {got}."),
    "error.setting_perspective": ("unknown perspective {got}.{hint} Perspectives: {names}.",
                                  "onbekend perspectief {got}.{hint} Perspectieven: {names}."),
    "error.setting_weights_sum": ("the weights must add up to 1; they add up to {total:g}.",
                                  "de gewichten moeten samen 1 zijn; nu is dat {total:g}."),
    "error.setting_max_people": ("{most} is below the {people} people of the market's starting organisation.",
                                 "{most} is minder dan de {people} mensen waarmee de markt begint."),
    "error.not_valid_document": ("'{source}' is not valid {format}: {detail}{where}.",
                                 "'{source}' is geen geldige {format}{where}."),
    "error.document_line": (" (line {line}, column {column})", " (fout in regel {line}, kolom {column})"),
    "error.document_end": (" (at the end of the file)", " (fout aan het eind van het bestand)"),
    "error.document_not_text": (" (not UTF-8 text)", " (geen UTF-8-tekst)"),
    "error.document_too_deep": ("'{source}' is nested too deeply to read (thousands of levels; the kit's files "
                                "have two or three).", "'{source}' is te diep genest om te lezen (duizenden niveaus; "
                                                       "de bestanden van de kit hebben er twee of drie)."),
    # a lesson's uncertain assumptions (lesson 08) and how many runs
    "error.uncertain_not_numeric": ("The uncertain parameter '{name}' must be numeric; {type} parameters cannot be "
                                    "given as a range.", "De onzekere parameter '{name}' moet een getal zijn; een "
                                                         "parameter van het type {type} kan geen bereik krijgen."),
    "error.uncertain_not_a_range": ("The uncertain parameter '{name}' needs a range such as (low, high) or "
                                    "Triangular(low, mode, high). Got {got} instead.",
                                    "De onzekere parameter '{name}' verwacht een bereik zoals (laag, hoog) of "
                                    "Triangular(laag, modus, hoog). Je gaf {got}."),
    "error.uncertain_order": ("The range for '{name}' must go from low to high (low < high, mode in between). "
                              "Got {got} instead.", "Het bereik van '{name}' moet van laag naar hoog lopen (laag < "
                                                    "hoog, de modus ertussen). Je gaf {got}."),
    "error.uncertain_too_many": ("An experiment takes at most {most} uncertain assumptions (every combination of "
                                 "their extremes is checked before running). Got {count}: {names}.",
                                 "Een experiment kan hoogstens {most} onzekere aannames aan (elke combinatie van hun "
                                 "uitersten wordt vooraf gecontroleerd). Je gaf er {count}: {names}."),
    "error.replications": ("The number of replications must be a whole number from 1 to {most:,}. Got {got} "
                           "instead.", "Het aantal runs moet een geheel getal van 1 tot en met {most:,} zijn. "
                                       "Je gaf {got}."),
    "error.workers": ("The number of workers must be a positive integer. Got {got} instead.",
                      "Het aantal workers (processen naast elkaar) moet een positief geheel getal zijn. Je gaf {got}."),
    "error.chunk_size": ("The chunk size must be a positive integer (or None to choose it automatically). Got {got} "
                         "instead.", "De pakketgrootte moet een positief geheel getal zijn (of laat hem weg: dan "
                                     "kiest de kit hem zelf). Je gaf {got}."),
    # a manager's experiment at the command line (`experiment … --language nl`): designs, ranges, budget, workers
    "error.option_range": ("The range for '{name}' must be LOW:HIGH or LOW:MODE:HIGH, e.g. 0.8:1.5. Got {got} "
                           "instead.", "Het bereik van '{name}' moet LAAG:HOOG of LAAG:MODUS:HOOG zijn, met een "
                                       "punt als decimaalteken, zoals '0.8:1.5'. Je gaf {got}."),
    "error.option_range_order": ("{option} {name}={got}: the low value {low} must be below the high value {high}; "
                                 "write low:high.", "{option} {name}={got}: de lage waarde {low} moet onder de hoge "
                                                    "waarde {high} liggen; schrijf laag:hoog."),
    "error.option_range_mode": ("{option} {name}={got}: the most likely value {mode} must lie between the low value "
                                "{low} and the high value {high}; write low:most likely:high.",
                                "{option} {name}={got}: de meest waarschijnlijke waarde {mode} moet tussen de lage "
                                "waarde {low} en de hoge waarde {high} liggen; schrijf laag:meest waarschijnlijk:hoog."),
    "error.varied_and_uncertain": ("'{name}' is varied by the experiment itself, so it cannot also be an uncertain "
                                   "assumption.", "'{name}' wordt al door het experiment zelf gevarieerd en kan "
                                                  "dus niet ook een onzekere aanname zijn."),
    "error.sweep_size": ("A sweep varies one or two parameters. Got {count}{names}.",
                         "Een sweep varieert één of twee parameters. Je gaf er {count}{names}."),
    "error.sweep_points": ("This sweep has {sizes} = {points:,} grid points; a sweep takes at most {most:,}. Use "
                           "fewer values.", "Deze sweep heeft {sizes} = {points:,} punten; een sweep kan hoogstens "
                                            "{most:,} punten aan. Kies minder waarden."),
    "error.sweep_range": ("A sweep takes a list of values, such as --param {name}=2,4,6; '{given}' is a range, which "
                          "the sensitivity design takes.",
                          "Een sweep neemt een lijst waarden, zoals --param {name}=2,4,6; '{given}' is een bereik; "
                          "dat is voor de gevoeligheidsanalyse (sensitivity)."),
    "error.sweep_distinct": ("The sweep over '{name}' needs distinct values. Got {got} instead.",
                             "De sweep over '{name}' mag elke waarde maar één keer bevatten. Je gaf {got}."),
    "error.sensitivity_numeric": ("The sensitivity parameter '{name}' must be numeric; try a sweep over its choices.",
                                  "Een gevoeligheidsanalyse werkt alleen met een getalsparameter, en '{name}' is "
                                  "dat niet; probeer een sweep over de keuzes."),
    "error.sensitivity_order": ("The range for '{name}' must go from low to high. Got {got} instead.",
                                "Het bereik van '{name}' moet van laag naar hoog lopen. Je gaf {got}."),
    "error.runs_most": ("This experiment has {runs:,} runs; the kit runs at most {most:,} in one experiment. Use "
                        "fewer replications or grid points.",
                        "Dit experiment telt {runs:,} runs; de kit draait er hoogstens {most:,} per experiment. "
                        "Kies minder runs per scenario of minder punten."),
    "error.runs_long": ("This experiment is {runs:,} runs of {years}{busy}: about {duration} on {workers} and "
                        "{memory:.1f} GB of memory. To run it anyway, pass {insist}; or use fewer replications, "
                        "grid points or years.",
                        "Dit experiment telt {runs:,} runs van {years}{busy}: ongeveer {duration} met {workers} en "
                        "{memory:.1f} GB geheugen. Wil je het toch draaien? Geef dan {insist} mee, of kies minder "
                        "runs, punten of jaren."),
    "error.runs_busy": (" with up to about {leads:,.0f} leads a month", " met tot ongeveer {leads:,.0f} leads per maand"),
    "error.workers_most": ("A process pool takes at most {most} workers, and this machine gives the kit {cores} "
                           "cores. Got {got} instead.", "Een procespool kan hoogstens {most} workers aan, en "
                                                        "deze computer geeft de kit {cores} kernen. Je gaf {got}."),
    "error.workers_cores": ("{got} workers on {cores} cores would only compete for them, each with its own copy of "
                            "the model in memory: use at most {cores}, or insist with {insist}.",
                            "{got} workers op {cores} kernen zitten elkaar alleen in de weg, elk met een eigen "
                            "kopie van het model in het geheugen: gebruik er hoogstens {cores}, of zet door met "
                            "{insist}."),
    "error.export_is_scenario": ("--export and --save-scenario both name '{path}': the results would overwrite the "
                                 "scenario. Give them different names.", "--export en --save-scenario noemen "
                                 "allebei '{path}': de resultaten zouden het scenario overschrijven. Geef ze "
                                 "verschillende namen."),
    "error.experiment_path": ("Save an experiment to a folder (no suffix) or a .xlsx file. Got {got}.",
                              "Sla een experiment op in een map (zonder extensie) of een .xlsx-bestand. Je gaf {got}."),
    "error.sheet_rows": ("The table '{table}' has more rows than an Excel sheet holds; save the experiment to a "
                         "folder instead.", "De tabel '{table}' heeft meer rijen dan een Excel-blad kan bevatten; "
                                            "sla het experiment op in een map."),
    # the files a command line writes or reads (`--export`, `--out`, `--scenario`, `--file`, `--settings`); {what} is
    # a file.* row: Dutch names carry their article ('het exportbestand')
    "error.file_name": ("The {what} needs a file name{allowed}. Got an empty name.",
                        "Geef {what} een naam{allowed}; je gaf een lege naam."),
    "error.file_suffix": ("The {what} '{path}' must end in one of {suffixes}.",
                          "De naam van {what} '{path}' moet eindigen op {suffixes}."),
    "error.file_is_folder": ("For the {what}, '{path}' is a folder; give a file name{allowed}.",
                             "Voor {what} is '{path}' een map; geef een bestandsnaam{allowed}."),
    "error.file_allowed": (" ending in {suffixes}", " die eindigt op {suffixes}"),
    "error.file_no_folder": ("The folder '{parent}' does not exist, so the kit cannot write the {what} '{path}'.",
                             "De map '{parent}' bestaat niet, dus de kit kan {what} '{path}' niet opslaan."),
    "error.file_not_plain": ("The {what} '{path}' is not a plain file (a folder, device or pipe).",
                             "Kan {what} '{path}' niet lezen: het is geen gewoon bestand (maar een map, apparaat of "
                             "pipe)."),
    "error.file_unreadable": ("Cannot read {what} '{path}': {reason}.", "Kan {what} '{path}' niet lezen: {reason}."),
    "error.file_too_large": ("The {what} '{path}' is larger than {megabytes:g} MB, more than the kit reads; is it "
                             "the right file?", "Kan {what} '{path}' niet lezen: de kit leest hoogstens "
                                                "{megabytes:g} MB en dit bestand is groter; is het wel het goede "
                                                "bestand?"),
    # why the system refused a path (`files.os_reason`; other refusals keep the system's own words)
    "reason.ENOENT": ("No such file or directory", "het bestand of de map bestaat niet"),
    "reason.ENOTDIR": ("Not a directory", "een deel van het pad is geen map"),
    "reason.EISDIR": ("Is a directory", "het is een map"),
    "reason.EACCES": ("Permission denied", "toegang geweigerd"),
    "reason.EPERM": ("Operation not permitted", "dat is niet toegestaan"),
    "reason.ENOSPC": ("No space left on device", "de schijf is vol"),
    "reason.EROFS": ("Read-only file system", "het bestandssysteem is alleen-lezen"),
    "reason.ENAMETOOLONG": ("File name too long", "de bestandsnaam is te lang"),
    "error.cannot_write": ("Cannot write '{path}': {reason}.", "Kan '{path}' niet schrijven: {reason}."),
    "error.folder_is_file": ("Cannot save a folder to '{path}': a file of that name exists.",
                             "Kan geen map opslaan als '{path}': er bestaat al een bestand met die naam."),
    "error.folder_foreign": ("The folder '{path}' holds other files ({files}); save to a new folder so none of them "
                             "is lost.", "De map '{path}' bevat andere bestanden ({files}); sla op in een nieuwe "
                                         "map, zodat er geen verloren gaat."),
    "error.scenario_file_table": ("The scenario file '{path}' must hold an object of parameter tables.",
                                  "Het scenariobestand '{path}' moet een object met tabellen van parameters "
                                  "bevatten."),
    # panels, figures and paths a lesson's code can ask for
    "error.language": ("The 'language' argument must be one of 'en', 'nl'. Got {got} instead.",
                       "De taal moet 'en' (Engels) of 'nl' (Nederlands) zijn. Je gaf {got}."),
    "error.unknown_concept": ("Unknown concept {got}.{hint} Choose one of: {names}.",
                              "Onbekend concept {got}.{hint} Kies uit: {names}."),
    "error.unknown_column": ("Unknown monthly column {got}.{hint} Choose one of: {names}.",
                             "Onbekende maandkolom {got}.{hint} Kies uit: {names}."),
    "error.panel_without_parameters": ("A panel needs at least one parameter: pass params=[...] or concepts=[...].",
                                       "Een paneel heeft minstens één parameter nodig: geef params=[...] of "
                                       "concepts=[...]."),
    "error.panel_replications": ("A panel needs at least 1 replication. Got {got} instead.",
                                 "Een paneel heeft minstens 1 run nodig. Je gaf {got}."),
    "error.not_a_range": ("{got} cannot be a range in the panel: it needs a numeric (float) parameter.",
                          "{got} kan in het paneel geen bereik krijgen: dat kan alleen bij een parameter met een "
                          "kommagetal (float)."),
    "error.same_names": ("The two scenarios need different names to be told apart. Got {got} instead.",
                         "De twee scenario's hebben elk een eigen naam nodig om ze uit elkaar te houden. "
                         "Je gaf {got}."),
    "error.unknown_path": ("Unknown path {got}.{hint} Choose one of: {names}.",
                           "Onbekend pad {got}.{hint} Kies uit: {names}."),
    "error.band_without_runs": ("A band needs at least one run.", "Een band heeft minstens één run nodig."),
    "error.paths_without_runs": ("The 'runs_by_name' argument must map each scenario's name to at least one run.",
                                 "Het argument 'runs_by_name' moet bij de naam van elk scenario minstens één run "
                                 "geven."),
    "error.axes_per_path": ("Got {axes} axes for {paths} paths; pass one axes per path.",
                            "Je gaf {axes} assenstelsels voor {paths} paden; geef er één per pad."),
    "error.no_results": ("The 'results' argument must hold at least one named SimulationResult.",
                         "Het argument 'results' moet minstens één SimulationResult met een naam bevatten."),
    "error.needs_events": ("This figure needs the event log, which this result does not have. "
                           "Run simulate(..., keep_events=True).",
                           "Deze figuur heeft het logboek van gebeurtenissen nodig, en dat heeft dit resultaat niet. "
                           "Draai simulate(..., keep_events=True)."),
    # a trainer grading a folder of submissions (`grade --language nl`, `grading.grade_folder`)
    "error.grade_not_a_folder": ("Cannot grade '{folder}': not a folder.",
                                 "Kan '{folder}' niet nakijken: dat is geen map."),
    "error.grade_nothing": ("'{folder}' holds no files to grade: put the submissions in it, or one folder down (as "
                            "Moodle's download does).", "In '{folder}' staan geen bestanden om na te kijken: zet de "
                                                        "inleveringen erin, of één map dieper (zoals de download "
                                                        "van Moodle doet)."),
    "error.grade_unknown": ("Unknown exercise or LMS layout: {unknown}.{hint} Exercises: {exercises}; layouts: "
                            "{layouts}.", "Onbekende opgave of LMS-indeling: {unknown}.{hint} Opgaven: {exercises}; "
                                          "indelingen: {layouts}."),
    "error.grade_course": ("No submission answered {trainer}; they answered {used}. An exercise's numbers depend "
                           "on the course code the student gave start(...), so every answer would be marked wrong. "
                           "Grade again {again}.",
                           "In geen enkele inlevering is geantwoord {trainer}; wel {used}. De getallen van een "
                           "opgave hangen af van de cursuscode die de student aan start(...) gaf, dus elk antwoord "
                           "zou fout gerekend worden. Kijk opnieuw na {again}."),
    "error.grade_limits": ("Workers must be 1–32 and the time limit 1–3600 s. Got {workers} workers, {timeout:g} s.",
                           "Het aantal notebooks tegelijk ('--workers') moet 1–32 zijn en de tijdslimiet 1–3600 s. "
                           "Je gaf {workers} en {timeout:g} s."),
    # --- figures: units in axis labels
    "unit.count": ("count", "aantal"),
    "unit.days": ("days", "dagen"),
    "unit.months": ("months", "maanden"),
    "unit.euro": ("€", "€"),
    "unit.share": ("%", "%"),
    "unit.grade": ("grade 1–10", "rapportcijfer 1–10"),
    # funnel
    "funnel.title": ("Sales funnel: from lead to deal", "Salestrechter: van lead tot deal"),
    "funnel.stage": ("Stage", "Fase"),
    "funnel.count": ("Leads in stage", "Leads in fase"),
    "funnel.leads": ("Leads", "Leads"),
    "funnel.mql": ("MQL", "MQL"),
    "funnel.sal": ("SAL", "SAL"),
    "funnel.opportunities": ("Opportunities", "Opportunities"),
    "funnel.quotes": ("Quotes", "Offertes"),
    "funnel.won": ("Won", "Gewonnen"),
    "funnel.overall": ("lead → won: {share}", "lead → gewonnen: {share}"),
    # relationship cycle
    "phases.title": ("Customer relationship cycle over time", "Klantrelatiecyclus door de tijd"),
    "phases.count": ("Number at month end", "Aantal aan eind van maand"),
    "phases.potential": ("Potential customers (open leads)", "Potentiële klanten (open leads)"),
    "phases.new": ("New customers", "Nieuwe klanten"),
    "phases.loyal": ("Loyal customers", "Loyale klanten"),
    "phases.ex": ("Ex-customers (cumulative)", "Ex-klanten (cumulatief)"),
    "time.month": ("Month of the simulation", "Maand van de simulatie"),
    "time.year": ("year", "jaar"),
    # satisfaction
    "grades.title": ("Grades of active customers at the end", "Rapportcijfers van klanten aan het eind"),
    "grades.satisfaction": ("Satisfaction", "Tevredenheid"),
    "grades.customers": ("Customers", "Klanten"),
    "grades.average": ("average {grade}", "gemiddeld {grade}"),
    "grades.six": ("6: about 20% leave within a year", "6: ongeveer 20 % vertrekt binnen een jaar"),
    "nps.title": ("Net Promoter Score at the end: NPS = {nps}", "Net Promotor Score aan het eind: NPS = {nps}"),
    "nps.share": ("Share of active customers", "Aandeel actieve klanten"),
    "nps.detractors": ("Detractors (0–6)", "Criticasters (0–6)"),
    "nps.passives": ("Passives (7–8)", "Passief tevredenen (7–8)"),
    "nps.promoters": ("Promoters (9–10)", "Promotors (9–10)"),
    "nps.formula": ("NPS = % promoters − % detractors", "NPS = % promotors − % criticasters"),
    # retention
    "retention.title": ("Customer retention per cohort", "Klantbehoud per cohort"),
    "retention.share": ("Still a customer", "Nog klant"),
    "retention.months": ("Time since becoming a customer", "Tijd sinds klant geworden"),
    "retention.existing": ("Existing customers at start", "Bestaande klanten bij start"),
    "retention.year": ("New customers of year {year}", "Nieuwe klanten van jaar {year}"),
    # promises
    "promise.title": ("Promised vs delivered lead time", "Belofte tegenover werkelijke levertijd"),
    "promise.title_none": ("Lead times (no promises made)", "Levertijden (geen belofte gedaan)"),
    "promise.lateness": ("Delivered minus promised: early < 0 < late", "Werkelijk min beloofd: te vroeg < 0 < te laat"),
    "promise.actual": ("Actual lead time", "Werkelijke levertijd"),
    "promise.share": ("Share of quotes or deliveries", "Aandeel offertes of leveringen"),
    "promise.quote": ("Quotes", "Offertes"),
    "promise.delivery": ("Deliveries", "Leveringen"),
    "promise.late": ("{what}: {share} late", "{what}: {share} te laat"),
    "promise.on_time": ("on time", "op tijd"),
    # money
    "money.title": ("Revenue, costs and margin per month", "Omzet, kosten en marge per maand"),
    "money.amount": ("Amount per month", "Bedrag per maand"),
    "money.revenue": ("Revenue", "Omzet"),
    "money.costs": ("Costs: sales + service + strategy", "Kosten: sales + service + strategie"),
    "money.margin": ("Margin: gross profit − costs", "Marge: brutowinst − kosten"),
    "forecast.title": ("Forecast vs actual won value", "Voorspelde tegenover gewonnen waarde"),
    "forecast.amount": ("Value of decided deals per month", "Waarde van besliste deals per maand"),
    "forecast.forecast": ("Forecast (Scotsman-weighted)", "Voorspelling (Scotsman-gewogen)"),
    "forecast.won": ("Actually won", "Werkelijk gewonnen"),
    "forecast.total": ("In total: forecast {forecast}, won {won} (forecast {error} off)",
                       "Totaal: voorspeld {forecast}, gewonnen {won} (voorspelling {error} ernaast)"),
    # figures with nothing to show
    "empty.customers": ("No customers in this run", "Geen klanten in deze run"),
    "empty.active": ("No customers left at the end of this run", "Geen klanten meer aan het eind van deze run"),
    "empty.promises": ("No quotes or deliveries in this run", "Geen offertes of leveringen in deze run"),
    # overviews
    "dashboard.title": ("Dashboard: {years}-year run, seed {seed}", "Dashboard: {years} jaar gesimuleerd, seed {seed}"),
    "compare.title": ("Scenarios compared", "Scenario's vergeleken"),
    "missing": ("n/a", "n.v.t."),
    # --- experiment figures
    "errorbars.title": ("Mean per scenario with 95% confidence interval ({n} runs each)",
                        "Gemiddelde per scenario met 95 %-betrouwbaarheidsinterval ({n} runs elk)"),
    "fan.title": ("{series} per month: mean and spread over {n} runs",
                  "{series} per maand: gemiddelde en spreiding over {n} runs"),
    "fan.mean": ("{variant}: mean", "{variant}: gemiddelde"),
    "fan.band50": ("{variant}: middle 50% of runs", "{variant}: middelste 50 % van de runs"),
    "fan.band90": ("{variant}: middle 90% of runs", "{variant}: middelste 90 % van de runs"),
    "tornado.title": ("Sensitivity of {kpi} to each assumption", "Gevoeligheid van {kpi} voor elke aanname"),
    "tornado.effect": ("Change in {kpi} against the base ({unit})", "Verandering in {kpi} t.o.v. de basis ({unit})"),
    "tornado.low": ("Assumption at its low value", "Aanname op lage waarde"),
    "tornado.high": ("Assumption at its high value", "Aanname op hoge waarde"),
    "tornado.parameter": ("Assumption", "Aanname"),
    "sweep.title": ("{kpi} across the sweep ({n} runs per point)", "{kpi} over de reeks ({n} runs per punt)"),
    "sweep.mean": ("Mean", "Gemiddelde"),
    "sweep.ci": ("95% confidence interval", "95 %-betrouwbaarheidsinterval"),
    "sweep.against_first": ("Against the first point (paired, 95% interval)",
                            "Verschil met het eerste punt (gepaard, 95 %-interval)"),
    "sweep.first": ("reference", "referentie"),
    "sweep.difference": ("{difference} ({interval})", "{difference} ({interval})"),
    "sweep.colour": ("Mean {kpi} ({unit})", "Gemiddelde {kpi} ({unit})"),
    "difference.title": ("{kpi}\n{a} is better in {share} of the runs", "{kpi}\n{a} is beter in {share} van de runs"),
    "difference.title_higher": ("{kpi}\n{a} is higher in {share} of the runs",
                                "{kpi}\n{a} is hoger in {share} van de runs"),
    "difference.axis": ("Difference {a} − {b} ({unit})", "Verschil {a} − {b} ({unit})"),
    "difference.count": ("Runs (pairs)", "Runs (paren)"),
    "difference.mean": ("Mean difference {value}", "Gemiddeld verschil {value}"),
    "difference.ci": ("95% confidence interval of the mean", "95 %-betrouwbaarheidsinterval van het gemiddelde"),
    "difference.zero": ("No difference", "Geen verschil"),
    # --- what each column of an exported workbook holds (export.py's 'columns' sheet); the codes stay English
    "column.name": ("Scenario name", "Naam van het scenario"),
    "column.seed": ("Seed of the random numbers: with the scenario it gives these results again",
                    "Seed van de toevalsgetallen: met het scenario geeft die deze resultaten opnieuw"),
    "column.month": ("Month of the run (1 is the first)", "Maand van de run (1 is de eerste)"),
    "column.day": ("Day of the run at the month's end", "Dag van de run aan het eind van de maand"),
    "column.customer_id": ("Customer: the account's id on the accounts sheet",
                           "Klant: het nummer van het account op het blad accounts"),
    "column.id": ("Sequence number", "Volgnummer"),
    "column.size": ("Company size: {sizes}", "Bedrijfsgrootte: {sizes} (klein, middelgroot, groot)"),
    "column.complex": ("A complex product (TRUE) or a simple one (FALSE)",
                       "Een complex product (WAAR) of een eenvoudig (ONWAAR)"),
    "column.preference": ("The value discipline the (potential) customer values most: {disciplines}",
                          "De waardediscipline die de (potentiële) klant het meest waardeert: {disciplines}"),
    "column.role": ("The sales role that serves it (may be below its level): {roles}",
                    "De salesrol die de klant bedient (kan onder zijn niveau liggen): {roles}"),
    "column.customer_months.phase": ("Phase in the customer relationship cycle at the month's end: {phases}, "
                                     "ex-customer only in the month it left",
                                     "Fase in de klantrelatiecyclus aan het eind van de maand: {phases} (nieuwe "
                                     "klant, loyale klant, ex-klant), ex-klant alleen in de maand van vertrek"),
    "column.accounts.phase": ("Phase at the end of the run: {phases}",
                              "Fase aan het eind van de run: {phases} (nieuwe klant, loyale klant, ex-klant)"),
    "column.customer_months.grade": ("Grade (rapportcijfer) at the month's end; at exit for a customer that left",
                                     "Rapportcijfer aan het eind van de maand; bij vertrek voor een klant die vertrok"),
    "column.accounts.grade": ("Grade (rapportcijfer) at the end of the run; at exit for a customer that left",
                              "Rapportcijfer aan het eind van de run; bij vertrek voor een klant die vertrok"),
    "column.orders": ("Orders in the month, the first deal included", "Orders in de maand, de eerste deal inbegrepen"),
    "column.customer_months.revenue": ("Revenue booked in the month", "Omzet geboekt in de maand"),
    "column.accounts.revenue": ("Revenue booked over the run", "Omzet geboekt over de hele run"),
    "column.left": ("It left in this month", "De klant vertrok in deze maand"),
    "column.how": ("How it left: {reasons} (the customer left, or we ended it); empty while it stays",
                   "Hoe de klant vertrok: {reasons} (de klant ging zelf weg, of wij beëindigden de relatie); leeg "
                   "zolang de klant blijft"),
    "column.start": ("Day it first became a customer (0: the customer base at the start)",
                     "Dag waarop het voor het eerst klant werd (0: het klantenbestand bij de start)"),
    "column.end": ("Day it stopped being a customer; empty while it stays",
                   "Dag waarop het geen klant meer was; leeg zolang de klant blijft"),
    "column.wins": ("Times won: more than 1 for a customer won back",
                    "Aantal keer gewonnen: meer dan 1 voor een teruggewonnen klant"),
    "column.source": ("Where the lead came from: {sources} (a campaign, the buyer came to us, a customer's "
                      "recommendation, an ex-customer approached again)",
                      "Waar de lead vandaan kwam: {sources} (een campagne, de koper kwam zelf, een aanbeveling van een "
                      "klant, een ex-klant die weer benaderd werd)"),
    "column.created": ("Day the lead came in (0: in the pipeline at the start)",
                       "Dag waarop de lead binnenkwam (0: al in de pijplijn bij de start)"),
    "column.state": ("Stage at the end of the run: open ({open}), resting ({resting}) or ended ({ended})",
                     "Fase van de salestrechter aan het eind van de run: open ({open}), in rust ({resting}) of "
                     "afgesloten ({ended})"),
    # an experiment's workbook (experiment.storage): its rows, the statistics over them and its record
    "column.variant": ("The scenario (variant) the run belongs to", "Het scenario (de variant) waar de run bij hoort"),
    "column.replication": ("Number of the run within its variant (0 is the first)",
                           "Nummer van de run binnen zijn variant (0 is de eerste)"),
    "column.parameter": ("The parameter set to another value", "De parameter die een andere waarde kreeg"),
    "column.level": ("Which value of the parameter: {levels}", "Welke waarde van de parameter: {levels} (basis, laag, "
                     "hoog)"),
    "column.value": ("The parameter's value (empty at the base)", "De waarde van de parameter (leeg bij de basis)"),
    "column.kpi": ("The KPI's name: its label is in this list, under 'runs'",
                   "De naam van de KPI: het label staat in deze lijst, onder 'runs'"),
    "column.n": ("Runs the statistics are over", "Aantal runs waarover de statistieken gaan"),
    "column.mean": ("Mean over the runs", "Gemiddelde over de runs"),
    "column.sd": ("Standard deviation over the runs", "Standaardafwijking over de runs"),
    "column.ci_low": ("Lower end of the 95% confidence interval of the mean",
                      "Ondergrens van het 95 %-betrouwbaarheidsinterval van het gemiddelde"),
    "column.ci_high": ("Upper end of the 95% confidence interval of the mean",
                       "Bovengrens van het 95 %-betrouwbaarheidsinterval van het gemiddelde"),
    "column.mean_a": ("Mean of A, the first scenario", "Gemiddelde van A, het eerste scenario"),
    "column.mean_b": ("Mean of B, the second scenario", "Gemiddelde van B, het tweede scenario"),
    "column.difference": ("Mean difference A − B (paired: run by run on the same random numbers)",
                          "Gemiddeld verschil A − B (gepaard: run voor run op dezelfde toevalsgetallen)"),
    "column.differences.sd": ("Standard deviation of the difference per pair (unpaired: of A and B together)",
                              "Standaardafwijking van het verschil per paar (ongepaard: van A en B samen)"),
    "column.differences.ci_low": ("Lower end of the 95% confidence interval of the difference",
                                  "Ondergrens van het 95 %-betrouwbaarheidsinterval van het verschil"),
    "column.differences.ci_high": ("Upper end of the 95% confidence interval of the difference",
                                   "Bovengrens van het 95 %-betrouwbaarheidsinterval van het verschil"),
    "column.prob_a_beats_b": ("Share of the pairs in which A does better on the KPI: in its good direction (lower "
                              "costs and churn, for example), higher where it has none; a tie counts half",
                              "Aandeel van de paren waarin A beter scoort op de KPI: in de goede richting (bijv. "
                              "lagere kosten en minder klantverloop), hoger waar die er niet is; gelijk telt half"),
    "column.tornado.low": ("The parameter's low value", "De lage waarde van de parameter"),
    "column.tornado.high": ("The parameter's high value", "De hoge waarde van de parameter"),
    "column.kpi_low": ("Mean KPI with the parameter at its low value", "Gemiddelde KPI met de parameter laag"),
    "column.kpi_high": ("Mean KPI with the parameter at its high value", "Gemiddelde KPI met de parameter hoog"),
    "column.effect_low": ("Mean change in the KPI against the base, the parameter low",
                          "Gemiddelde verandering van de KPI t.o.v. de basis, met de parameter laag"),
    "column.effect_high": ("Mean change in the KPI against the base, the parameter high",
                           "Gemiddelde verandering van de KPI t.o.v. de basis, met de parameter hoog"),
    "column.effect_low_ci_low": ("Lower end of the 95% confidence interval of effect_low",
                                 "Ondergrens van het 95 %-betrouwbaarheidsinterval van effect_low"),
    "column.effect_low_ci_high": ("Upper end of the 95% confidence interval of effect_low",
                                  "Bovengrens van het 95 %-betrouwbaarheidsinterval van effect_low"),
    "column.effect_high_ci_low": ("Lower end of the 95% confidence interval of effect_high",
                                  "Ondergrens van het 95 %-betrouwbaarheidsinterval van effect_high"),
    "column.effect_high_ci_high": ("Upper end of the 95% confidence interval of effect_high",
                                   "Bovengrens van het 95 %-betrouwbaarheidsinterval van effect_high"),
    "column.base": ("Mean KPI at the base values", "Gemiddelde KPI bij de basiswaarden"),
    "column.swing": ("The KPI at the high value minus at the low value, with its sign (+ or −)",
                     "De KPI bij de hoge waarde min die bij de lage waarde, met zijn teken (+ of −)"),
    "column.swing_ci_low": ("Lower end of the 95% confidence interval of swing (paired: the same seeds low and high)",
                            "Ondergrens van het 95 %-betrouwbaarheidsinterval van swing (gepaard: dezelfde seeds laag "
                            "en hoog)"),
    "column.swing_ci_high": ("Upper end of the 95% confidence interval of swing",
                             "Bovengrens van het 95 %-betrouwbaarheidsinterval van swing"),
    "column.events.time": ("Day of the run the event happened", "Dag van de run waarop het gebeurde"),
    "column.entity": ("What the event is about: 'lead' or 'account'", "Waar het over gaat: 'lead' of 'account'"),
    "column.events.id": ("The lead's or account's number within its run (variant, replication)",
                         "Het nummer van de lead of het account binnen zijn run (variant, replication)"),
    "column.event": ("What happened (docs/model.md lists every event)",
                     "Wat er gebeurde (docs/model.md noemt elke gebeurtenis)"),
    "column.events.value": ("The event's number: quote or delivery days, a deal's or order's value in €, a grade, "
                            "handling hours",
                            "Het getal van de gebeurtenis: offerte- of leverdagen, de waarde van een deal of order in "
                            "€, een rapportcijfer, behandeluren"),
    "column.reference": ("What the value is measured against: the days promised, the score of the experience, the "
                         "target hours",
                         "Waaraan het getal gemeten wordt: de beloofde dagen, de score van de ervaring, de "
                         "normuren"),
    "column.experiment.json": ("The experiment's record (JSON, one line a row): with it the kit loads this workbook "
                               "back and re-creates every run",
                               "Het verslag van het experiment (JSON, één regel per rij): daarmee leest de kit dit "
                               "werkboek weer in en maakt elke run opnieuw"),
    # --- paths over time with bands (plots.paths, the panels)
    "paths.customers": ("Customers", "Klanten"),
    "paths.cumulative_margin": ("Margin so far", "Marge tot nu toe"),
    "paths.avg_grade": ("Average grade", "Gemiddeld rapportcijfer"),
    "paths.nps": ("NPS", "NPS"),
    "paths.won_per_quarter": ("Deals won per quarter", "Deals gewonnen per kwartaal"),
    "paths.noun.customers": ("customers", "klanten"),
    "paths.noun.cumulative_margin": ("margin", "marge"),
    "paths.noun.avg_grade": ("grade", "rapportcijfer"),
    "paths.noun.nps": ("NPS", "NPS"),
    "paths.noun.won_per_quarter": ("deals won", "gewonnen deals"),
    "paths.crossing": ("{name} is ahead on {kpi} until month {ahead}, behind from month {month}",
                       "{name} ligt qua {kpi} voor tot maand {ahead}, achter vanaf maand {month}"),
    "paths.no_crossing": ("The median paths do not cross.", "De mediaanpaden kruisen elkaar niet."),
    "paths.band": ("band: all {n} runs", "band: alle {n} runs"),
    "paths.band_range": ("band: {low}–{high} % of {n} runs", "band: {low}–{high} % van {n} runs"),
    "paths.line": ("line: median", "lijn: mediaan"),
    "paths.cross_mark": ("month {month}", "maand {month}"),
    "paths.filling": ("Band: {done} of {total} runs done…", "Band: {done} van {total} runs klaar…"),
    "paths.complete": ("Band complete: {total} runs on common random numbers ({seconds} s).",
                       "Band compleet: {total} runs met dezelfde toevalsgetallen ({seconds} s)."),
    "paths.wins.customers": ("In {k} of {n} runs {a} ended with more customers than {b}.",
                             "In {k} van de {n} runs eindigde {a} met meer klanten dan {b}."),
    "paths.wins.cumulative_margin": ("In {k} of {n} runs {a} earned more margin than {b}.",
                                     "In {k} van de {n} runs verdiende {a} meer marge dan {b}."),
    "paths.wins": ("In {k} of {n} runs {a} ended ahead of {b} on {kpi}.",
                   "In {k} van de {n} runs eindigde {a} voor {b} op {kpi}."),
    "panel.difference_interval": ("Difference (A − B): 95% interval", "Verschil (A − B): 95 %-interval"),
    "panel.a_better": ("A better in", "A beter in"),
    "panel.k_of_n": ("{k} of {n}", "{k} van {n}"),
    # a KPI with no better direction (a forecast error, a utilisation): in how many runs A is higher, not better
    "panel.k_of_n_higher": ("higher in {k} of {n}", "hoger in {k} van {n}"),
    "stress.chance_higher": ("higher in {share}", "hoger in {share}"),
    "panel.pending": ("…", "…"),
    "panel.spread": ("Lowest–highest of {n} runs", "Laagste–hoogste van {n} runs"),
    # --- panels
    "panel.run": ("Run simulation", "Simuleer"),
    "panel.warning": ("Warning: {warnings}. The numbers describe a company that cannot cope.",
                      "Let op: {warnings}. De cijfers beschrijven een bedrijf dat het werk niet aankan."),
    "panel.running": ("Running…", "Bezig…"),
    "panel.done": ("Simulated {years} years with seed {seed} in {seconds} s.",
                   "{years} jaar gesimuleerd met seed {seed} in {seconds} s."),
    "panel.done_compare": ("Both scenarios simulated on the same random numbers (seed {seed}) in {seconds} s.",
                           "Beide scenario's gesimuleerd met dezelfde toevalsgetallen (seed {seed}) in {seconds} s."),
    "panel.stale": ("Settings changed: press “{run}” to see their effect.",
                    "Instellingen gewijzigd: klik op “{run}” om het effect te zien."),
    "panel.draw_failed": ("The figure could not be drawn ({error}); the results shown are from the last run that "
                          "worked.", "De figuur kon niet worden getekend ({error}); de getoonde resultaten zijn van "
                                     "de laatste run die wel lukte."),
    "panel.run_failed": ("The run failed ({error}).", "De run is mislukt ({error})."),
    "panel.not_simulated": ("Not run: fix the setting named in the message by the controls.",
                            "Niet gesimuleerd: verbeter de instelling die in de melding bij de knoppen staat."),
    "panel.invalid": ("This combination cannot be simulated:", "Deze combinatie kan niet worden gesimuleerd:"),
    "panel.not_run": ("Run the cells of this lesson (▶▶ or Run ▸ Run All Cells) to see the panel.",
                      "Voer de cellen van deze les uit (▶▶ of Run ▸ Run All Cells) om het paneel te zien."),
    "panel.kpi": ("KPI", "KPI"),
    "panel.value": ("Value", "Waarde"),
    "panel.difference": ("Difference (A − B)", "Verschil (A − B)"),
    "panel.relative": ("Relative to B", "Relatief t.o.v. B"),
    "panel.better": ("Better", "Beter"),
    "panel.same": ("equal", "gelijk"),
    "panel.side": ("{side}: {name}", "{side}: {name}"),
    "panel.scenario": ("Scenario", "Scenario"),
    "panel.run_number": ("Run", "Run"),
    # --- the stress-test panel
    "stress.a": ("Strategy A", "Strategie A"),
    "stress.b": ("Strategy B", "Strategie B"),
    "stress.runs": ("Runs per strategy", "Runs per strategie"),
    "stress.years": ("Years", "Jaren"),
    "stress.run": ("Run stress test", "Start stresstest"),
    "stress.stop": ("Stop", "Stop"),
    "stress.workers_stopped": ("The worker processes stopped (one may have run out of memory); the panel has started "
                               "new ones: press “{run}” again.",
                               "De werkprocessen zijn gestopt (misschien had er een te weinig geheugen); het paneel "
                               "heeft nieuwe gestart: klik nog eens op “{run}”."),
    "stress.stopping": ("Stopping after the runs under way…", "Stoppen na de runs die nog bezig zijn…"),
    "stress.stopped": ("Stopped after {done} of {total} runs. Press “{run}” to go on: the runs done are kept.",
                       "Gestopt na {done} van {total} runs. Klik op “{run}” om verder te gaan: de runs die al klaar "
                       "zijn, blijven bewaard."),
    "stress.interval": ("95% interval of A − B", "95 %-interval van A − B"),
    "stress.chance": ("A better in", "A beter in"),
    "stress.so_far": ("Answer so far, over the first {done} of {total} paired runs; the figure follows when all "
                      "have run.", "Tussenstand over de eerste {done} van {total} gepaarde runs; de figuur volgt "
                                   "zodra alle runs klaar zijn."),
    "stress.done": ("{a} against {b}: {n} paired runs of {years} years, each in a world drawn from your ranges "
                    "({seconds} s).", "{a} tegen {b}: {n} gepaarde runs van {years} jaar, elk in een wereld "
                                       "getrokken uit uw bereiken ({seconds} s)."),
    # --- scenario (preset) names as shown in panels and figures
    "scenario.baseline": ("baseline", "basis"),
    "scenario.over_promise": ("over-promise", "te veel beloven"),
    "scenario.honest_promise": ("honest promise", "eerlijk beloven"),
    "scenario.customer_intimacy": ("customer intimacy", "customer intimacy"),
    "scenario.operational_excellence": ("operational excellence", "operational excellence"),
    "scenario.product_leadership": ("product leadership", "product leadership"),
    "scenario.stuck_in_the_middle": ("stuck in the middle", "stuck in the middle"),
    # --- what a preset is about (`python -m simulation presets`, the parameter reference)
    "preset.baseline": ("A mid-size Dutch ICT supplier: a few hundred business customers, honest promises.",
                        "Een middelgrote Nederlandse ICT-leverancier: een paar honderd zakelijke klanten, eerlijke "
                        "beloftes."),
    "preset.over_promise": ("Promise what the customer wishes (quote and delivery), whatever the real lead time.",
                            "Beloof wat de klant wenst (offerte en levering), wat de echte doorlooptijd ook is."),
    "preset.honest_promise": ("Say what you do and do what you say: honest promise with a buffer, delays announced.",
                              "Zeg wat je doet en doe wat je zegt: een eerlijke belofte met buffer, vertragingen "
                              "worden gemeld."),
    "preset.customer_intimacy": ("Excel in customer intimacy, sufficient on the rest.",
                                 "Blink uit in customer intimacy; voldoende op de andere twee disciplines."),
    "preset.operational_excellence": ("Excel in operational excellence, sufficient on the rest.",
                                      "Blink uit in operational excellence; voldoende op de andere twee disciplines."),
    "preset.product_leadership": ("Excel in product leadership, sufficient on the rest.",
                                  "Blink uit in product leadership; voldoende op de andere twee disciplines."),
    "preset.stuck_in_the_middle": ("The same budget spread evenly: good at nothing in particular.",
                                   "Hetzelfde budget gelijk verdeeld: nergens echt goed in."),
    # --- a yes-or-no parameter's value
    "value.yes": ("yes", "ja"),
    "value.no": ("no", "nee"),
    # --- the files the kit writes or reads, as its messages name them (Dutch with the article)
    "file.export": ("export file", "het exportbestand"),
    "file.scenario": ("scenario file", "het scenariobestand"),
    "file.experiment_workbook": ("experiment workbook", "de Excel-werkmap van het experiment"),
    "file.experiment_folder": ("experiment folder", "de map van het experiment"),
    "file.experiment_record": ("experiment record", "het gegevensbestand van het experiment"),
    "file.manifest": ("manifest", "het manifest"),
    "file.decisions": ("decisions file", "het beslissingenbestand"),
    "file.debrief": ("debrief", "de nabespreking"),
    "file.figure": ("figure", "de figuur"),
    "file.game": ("game file", "het spelbestand"),
    "file.game_settings": ("game settings", "het bestand met spelinstellingen"),
    "file.grading_cache": ("grading cache", "de nakijkcache"),
    "file.gradebook": ("gradebook", "de cijferlijst"),
    "file.lms_import": ("LMS import file", "het importbestand voor het LMS"),
    "file.grading_summary": ("summary of the grading", "het nakijkoverzicht"),
    # --- command line
    "cli.error": ("error", "fout"),
    "cli.warning": ("warning", "waarschuwing"),
    "cli.wrote": ("wrote {path}", "opgeslagen: {path}"),
    "cli.conservation": ("the conservation check failed (not every customer and lead is accounted for); please "
                         "report this", "de telcontrole klopt niet (niet elke klant en lead is meegeteld); "
                                        "meld dit aan de makers van de kit"),
    "cli.cannot_write": ("cannot write{where}: {reason}.", "kan{where} niet schrijven: {reason}."),
    "cli.interrupted": ("interrupted", "onderbroken"),
    "cli.terminated": ("terminated", "beëindigd"),
    "cli.cancelled": ("interrupted: the experiment was cancelled", "onderbroken: het experiment is afgebroken"),
    "cli.run": ("Scenario '{name}', seed {seed}, {years}", "Scenario '{name}', seed {seed}, {years}"),
    "cli.long_run": ("This scenario brings about {leads} leads a month; a {years}-year run takes about {duration}.",
                     "Dit scenario brengt zo'n {leads} leads per maand; een run van {years} jaar duurt ongeveer "
                     "{duration}."),
    # `params`: a parameter's default and what it accepts
    "cli.parameter_value": ("default {default}; {allowed}", "standaard {default}; {allowed}"),
    "cli.parameter_choices": ("default '{default}'; one of {choices}", "standaard '{default}'; één van {choices}"),
    # --- the command line's --help: argparse's own words, then every command's and option's help
    "help.usage": ("usage: ", "gebruik: "),
    "help.positionals": ("positional arguments", "argumenten"),
    "help.options": ("options", "opties"),
    "help.help": ("show this help and exit", "toon deze hulp en stop"),
    "help.version": ("show the kit's version and exit", "toon de versie van de kit en stop"),
    "help.kit": ("B2B sales simulation kit: run the model from the command line.",
                 "B2B-salessimulatiekit: draai het model vanaf de opdrachtregel."),
    "help.metavar.command": ("COMMAND", "COMMANDO"),
    "help.metavar.design": ("DESIGN", "OPZET"),
    "help.metavar.action": ("ACTION", "ACTIE"),
    "help.metavar.file": ("FILE", "BESTAND"),
    "help.metavar.folder": ("FOLDER", "MAP"),
    "help.metavar.path": ("PATH", "PAD"),
    "help.metavar.page": ("OUT.html", "PAGINA.html"),
    "help.metavar.name": ("NAME", "NAAM"),
    "help.metavar.code": ("CODE", "CODE"),
    "help.metavar.course": ("COURSE", "CURSUS"),
    "help.metavar.item": ("ITEM", "ONDERDEEL"),
    "help.metavar.game": ("GAME", "SPEL"),
    "help.metavar.event": ("EVENT", "GEBEURTENIS"),
    "help.metavar.teams": ("NAMES|N", "NAMEN|N"),
    "help.metavar.key_value": ("KEY=VALUE", "NAAM=WAARDE"),
    "help.metavar.years": ("Y", "J"),
    "help.metavar.vary": ("KEY=LOW:HIGH", "NAAM=LAAG:HOOG"),
    "help.metavar.values": ("KEY=V1,V2,...", "NAAM=W1,W2,..."),
    "help.metavar.range": ("KEY[=LOW:HIGH]", "NAAM[=LAAG:HOOG]"),
    "help.metavar.against": ("PRESET|FILE", "PRESET|BESTAND"),
    "help.language": ("{what} in English or Dutch (default: KIT_LANGUAGE, else English){after}",
                      "{what} in het Engels of Nederlands (standaard: KIT_LANGUAGE, anders Engels){after}"),
    "help.language.run": ("labels, numbers and mistakes", "labels, getallen en foutmeldingen"),
    "help.language.params": ("the list", "de lijst"),
    "help.language_after.params": ("; --json, --markdown and --model-constants stay as they are",
                                   "; --json, --markdown en --model-constants blijven zoals ze zijn"),
    "help.language.presets": ("the list", "de lijst"),
    "help.language.experiment": ("the table, warnings and mistakes", "de tabel, waarschuwingen en foutmeldingen"),
    "help.language.grade": ("the summary, the gradebook's status column and mistakes",
                            "het overzicht, de statuskolom van de cijferlijst en foutmeldingen"),
    "help.language_after.grade": ("; each student's feedback is in the language the student chose",
                                  "; elke student krijgt feedback in de eigen gekozen taal"),
    "help.language.game": ("every line", "elke regel"),
    "help.preset": ("start from a preset: {names} (default: {default})",
                    "begin bij een preset: {names} (standaard: {default})"),
    "help.scenario": ("a scenario file (.json or .toml); its values go over the preset's",
                      "een scenariobestand (.json of .toml); zijn waarden gaan boven die van de preset"),
    "help.set": ("change one parameter, e.g. --set funnel.promise_policy=customer_wish (repeatable)",
                 "verander één parameter, bijv. --set funnel.promise_policy=customer_wish (kan meermaals)"),
    "help.years": ("years to simulate (same as --set run.years=Y)",
                   "aantal jaren om te simuleren (hetzelfde als --set run.years=J)"),
    "help.run": ("run one scenario and print its KPIs", "draai één scenario en toon de KPI's"),
    "help.run.seed": ("random seed (default 0); same seed, same result",
                      "seed (standaard 0); dezelfde seed geeft dezelfde uitkomst"),
    "help.run.json": ("print one JSON object: seed, scenario, kpis, conservation",
                      "toon één JSON-object: seed, scenario, kpis, conservation"),
    "help.run.export": ("also write results: .csv (monthly), .xlsx (all), .json",
                        "schrijf ook de uitkomsten: .csv (per maand), .xlsx (alles), .json"),
    "help.run.save_scenario": ("also save the scenario used (.json or .toml)",
                               "bewaar ook het gebruikte scenario (.json of .toml)"),
    "help.params": ("list every parameter with its label, default, range and help",
                    "toon elke parameter met label, standaardwaarde, bereik en uitleg"),
    "help.params.json": ("as JSON", "als JSON"),
    "help.params.markdown": ("as the Markdown reference (docs/parameters.md)",
                             "als Markdown-naslag (docs/parameters.md)"),
    "help.params.model_constants": ("the model's internal constants as Markdown (the generated block of "
                                    "docs/model.md)", "de interne constanten van het model als Markdown (het "
                                                      "gegenereerde blok van docs/model.md)"),
    "help.presets": ("list the presets", "toon de presets"),
    "help.experiment": ("replications with confidence intervals, compare, sweep, sensitivity",
                        "runs met betrouwbaarheidsintervallen, vergelijken, reeks, gevoeligheid"),
    "help.experiment.replicate": ("how sure is one scenario's outcome? means with 95% confidence intervals",
                                  "hoe zeker is de uitkomst van één scenario? gemiddelden met "
                                  "95\u00a0%-betrouwbaarheidsintervallen"),  # not wrapped apart
    "help.experiment.compare": ("does A beat B? paired runs on common random numbers",
                                "wint A van B? gepaarde runs op dezelfde toevalsgetallen"),
    "help.experiment.sweep": ("a KPI across one or two parameters", "een KPI over een reeks van één of twee "
                                                                    "parameters"),
    "help.experiment.sensitivity": ("tornado: which assumption moves the first --kpi most",
                                    "tornado: welke aanname de eerste --kpi het sterkst verandert"),
    "help.experiment.seed": ("experiment seed (default 0); same seed, same numbers",
                             "seed van het experiment (standaard 0); dezelfde seed geeft dezelfde getallen"),
    "help.experiment.replications": ("replications per scenario (default {n})", "runs per scenario (standaard {n})"),
    "help.experiment.workers": ("worker processes (1 = serial; default: serial for small jobs, all cores for large)",
                                "werkprocessen (1 = na elkaar; standaard: na elkaar voor kleine klussen, alle "
                                "kernen voor grote)"),
    "help.experiment.vary": ("an uncertain assumption, drawn per replication (LOW:MODE:HIGH for a triangular "
                             "distribution)", "een onzekere aanname, per run getrokken (LAAG:MODUS:HOOG voor een "
                                              "driehoeksverdeling)"),
    "help.experiment.kpi": ("KPI to report (repeatable; default {kpis})",
                            "KPI om te tonen (kan meermaals; standaard {kpis})"),
    "help.experiment.json": ("print one JSON object: the record and the table",
                             "toon één JSON-object: de gegevens van het experiment en de tabel"),
    "help.experiment.out": ("save every row: a folder (CSV + JSON) or a .xlsx file",
                            "bewaar elke rij: een map (CSV + JSON) of een .xlsx-bestand"),
    "help.experiment.figure": ("draw the answer to a .png or .svg file: the means with their intervals, A − B pair "
                               "by pair, the first KPI along the sweep, or the tornado",
                               "teken het antwoord in een .png- of .svg-bestand: de gemiddelden met hun intervallen, "
                               "A − B per paar, de eerste KPI langs de sweep, of de tornado"),
    "help.experiment.yes": ("run even when the estimate says it takes long or much memory, or with more workers "
                            "than cores", "draai ook als de schatting zegt dat het lang duurt of veel geheugen "
                                          "vraagt, of met meer werkprocessen dan kernen"),
    "help.experiment.against": ("scenario B: a preset ({names}) or a .json/.toml file; --set and --years apply "
                                "to both", "scenario B: een preset ({names}) of een .json/.toml-bestand; --set en "
                                           "--years gelden voor beide"),
    "help.experiment.param_values": ("a parameter and its values (give one or two)",
                                     "een parameter en zijn waarden (geef er één of twee)"),
    "help.experiment.param_range": ("a parameter and its range (default ±20% around its value); repeatable",
                                    "een parameter en zijn bereik (standaard ±20\u00a0% rond zijn waarde); kan meermaals"),
    "help.grade": ("run and grade a folder of submitted exercise notebooks",
                   "draai en beoordeel een map met ingeleverde notebooks met opgaven"),
    "help.grade.folder": ("folder with the submitted notebooks (one file per student)",
                          "map met de ingeleverde notebooks (één bestand per student)"),
    "help.grade.out": ("gradebook CSV to write; the other files go beside it",
                       "de cijferlijst (CSV) die de kit schrijft; de andere bestanden komen ernaast"),
    "help.grade.course": ("the course salt the students used in start(..., course=...)",
                          "de cursuscode die de studenten gebruikten in start(..., course=...)"),
    "help.grade.exercises": ("the exercises to grade (default: all answered)",
                             "de opgaven om na te kijken (standaard: alle beantwoorde)"),
    "help.grade.lms": ("also write these LMS import layouts", "schrijf ook deze importbestanden voor het LMS"),
    "help.grade.item": ("grade item name in the LMS layouts", "naam van het cijferonderdeel in de LMS-bestanden"),
    "help.grade.workers": ("notebooks run at the same time (default {n})",
                           "notebooks die tegelijk draaien (standaard {n})"),
    "help.grade.timeout": ("seconds per notebook (default {seconds})", "seconden per notebook (standaard {seconds})"),
    "help.grade.no_cache": ("run every notebook again, changed or not", "draai elk notebook opnieuw, gewijzigd of niet"),
    "help.grade.quiet": ("no progress bar", "geen voortgangsbalk"),
    # --- kit.py, before the kit is installed (it reads this table by path, in --language's or KIT_LANGUAGE's)
    "kit.usage": ("    python kit.py                                   install (the first time) and open the lessons\n"
                  "    python kit.py --language nl                     the same, with the lessons in Dutch\n"
                  "    python kit.py test                              install the test tools and run every test\n"
                  "    python kit.py run --preset over_promise         one run and its KPIs\n"
                  "    python kit.py present 03 --language nl          a lesson as a page without code, to project\n"
                  "    python kit.py classroom --teams 6 --lan         the sales game for a class, in the browser\n"
                  "    python kit.py experiment|grade|game|params|presets …\n"
                  "    python kit.py COMMAND --help                    what a command does, and its options",
                  "    python kit.py                                   installeer (de eerste keer) en open de lessen\n"
                  "    python kit.py --language nl                     hetzelfde, maar met de lessen in het Nederlands\n"
                  "    python kit.py test                              installeer de testtools en draai alle tests\n"
                  "    python kit.py run --preset over_promise         één run en de KPI's\n"
                  "    python kit.py present 03 --language nl          een les als pagina zonder code, om te "
                  "projecteren\n"
                  "    python kit.py classroom --teams 6 --lan         het salesspel voor een klas, in de browser\n"
                  "    python kit.py experiment|grade|game|params|presets …\n"
                  "    python kit.py COMMANDO --help                   wat een commando doet en welke opties het heeft"),
    "kit.needs_python": ("The kit needs Python 3.11 or newer; this is {version}.",
                         "De kit heeft Python 3.11 of nieuwer nodig; dit is {version}."),
    "kit.creating": ("Creating a virtual environment in {folder} …", "Virtuele omgeving maken in {folder} …"),
    "kit.installing": ("Installing the kit ({target}); the first time takes a few minutes …",
                       "De kit installeren ({target}); de eerste keer duurt dat een paar minuten …"),
    "kit.install_failed": ("Installing failed (exit {status}); see the messages above.",
                           "Installeren is mislukt (exitcode {status}); zie de meldingen hierboven."),
    "kit.as_root": ("Running as root (a container or VM?): JupyterLab starts with --allow-root.",
                    "De kit draait als root (een container of VM?): JupyterLab start daarom met --allow-root."),
    "help.present": ("a lesson as a page without code (Voilà), for projecting",
                     "een les als pagina zonder code (Voilà), om te projecteren"),
    "help.present.about": ("Serve a lesson as a page without code: Voilà runs it top to bottom and shows its text and "
                           "panels. Options the kit does not know (--no-browser, --theme=dark) go to Voilà.",
                           "Toon een les als pagina zonder code: Voilà voert de les van boven naar beneden uit en toont de "
                           "tekst en de panelen. Opties die de kit niet kent (--no-browser, --theme=dark) gaan naar "
                           "Voilà."),
    "help.present.lesson": ("the lesson's number or name, e.g. 03 or 03_expectation_management (default {first})",
                            "het nummer of de naam van de les, bijv. 03 of 03_expectation_management (standaard "
                            "{first})"),
    "help.language.present": ("the lesson", "de les"),
    "help.language_after.present": ("; the Dutch lesson comes from notebooks/nl", "; de Nederlandse les komt uit notebooks/nl"),
    "help.classroom": ("the sales game's pages for a class (Solara): one address for all teams and the trainer",
                       "de pagina's van het salesspel voor een klas (Solara): één adres voor alle teams en de trainer"),
    "help.classroom.about": ("Serve the classroom game: teams and the trainer open one address and log in with their "
                             "code. Stop the server with Ctrl+C.",
                             "Bied het klassikale spel aan: teams en trainer openen één adres en loggen in met hun "
                             "code. Stop de server met Ctrl+C."),
    "help.classroom.game": ("the game's file; created when it does not exist (default {default})",
                            "het spelbestand; wordt aangemaakt als het nog niet bestaat (standaard {default})"),
    "help.classroom.teams": ("for a new game: how many teams (default {default}) or two or more names separated by "
                             "commas, e.g. Rood,Blauw,Groen",
                             "voor een nieuw spel: hoeveel teams (standaard {default}) of twee of meer namen, "
                             "gescheiden door komma's, bijv. Rood,Blauw,Groen"),
    "help.classroom.lan": ("serve the classroom network (students' devices), not only this computer",
                           "bied het spel aan op het klasnetwerk (apparaten van studenten), niet alleen op deze "
                           "computer"),
    "help.present.port": ("the page's port (default: Voilà's, {default}; Voilà takes the next free one if it is "
                          "in use)",
                          "de poort van de pagina (standaard: die van Voilà, {default}; is die bezet, dan neemt Voilà "
                          "de eerstvolgende vrije)"),
    "help.classroom.port": ("the server's port (default {default})", "de poort van de server (standaard {default})"),
    "help.language.classroom": ("the pages and this terminal", "de pagina's en deze terminal"),
    "help.game": ("run a classroom game: teams against each other and computer competitors, round by round",
                  "speel een klassikaal spel: teams tegen elkaar en tegen computerconcurrenten, ronde na ronde"),
    "help.game.game": ("the game's file, e.g. workshop.game", "het spelbestand, bijv. workshop.game"),
    "help.game.settings": ("game settings (.json or .toml)", "spelinstellingen (.json of .toml)"),
    "help.game.teams": ("two or more team names separated by commas, or how many (default 2)",
                        "twee of meer teamnamen gescheiden door komma's, of hoeveel teams (standaard 2)"),
    "help.game.team_name": ("the team's name", "de naam van het team"),
    "help.game.team_code": ("the team's code (identifies the team)", "de code van het team (daaraan herkent de kit het team)"),
    "help.game.set": ("one decision, e.g. --set economics.price_level=1.05 (repeatable)",
                      "één beslissing, bijv. --set economics.price_level=1.05 (kan meermaals)"),
    "help.game.file": ("decisions from a .json or .toml file", "beslissingen uit een .json- of .toml-bestand"),
    "help.game.new": ("create a game file; prints the team codes and the trainer code",
                      "maak een spelbestand; toont de teamcodes en de trainerscode"),
    "help.game.open": ("the game (created unless it exists) with its codes, and the address everybody opens with "
                       "its QR code (what classroom prints)", "het spel (aangemaakt als het nog niet bestaat) "
                                                               "met de codes, en het adres dat iedereen opent met de "
                                                               "QR-code (wat classroom toont)"),
    "help.game.address": ("the address students and the trainer open (a server is about to serve it)",
                          "het adres dat studenten en trainer openen (een server gaat het zo aanbieden)"),
    "help.game.reach": ("who can open the address: this computer, the classroom network, or this computer because "
                        "no classroom network was found", "wie het adres kan openen: deze computer, het "
                                                          "klasnetwerk, of deze computer omdat er geen klasnetwerk "
                                                          "is gevonden"),
    "help.game.team": ("list the market's suppliers: teams with their codes, computer competitors",
                       "toon de leveranciers in de markt: teams met hun codes, computerconcurrenten"),
    "help.game.status": ("the open round, who submitted, who is still waiting, the round's events",
                         "de open ronde, wie heeft ingeleverd, op wie nog gewacht wordt, de gebeurtenissen van "
                         "de ronde"),
    "help.game.submit": ("store a team's decisions for the open round",
                         "bewaar de beslissingen van een team voor de open ronde"),
    "help.game.advance_round": ("the round to close (refused if it is not the open round: a command repeated by "
                                "mistake does not play the next round)",
                                "de ronde die je afsluit (geweigerd als dat niet de open ronde is: een per ongeluk "
                                "herhaald commando speelt niet de volgende ronde)"),
    "help.game.submit_round": ("the round these decisions are for (refused if it is not the open round)",
                               "de ronde waarvoor deze beslissingen zijn (geweigerd als het niet de open ronde is)"),
    "help.game.preview": ("a team's draft played one round ahead, with a band",
                          "het concept van een team één ronde vooruit gespeeld, met een bandbreedte"),
    "help.game.event": ("schedule a market event: {events}", "plan een marktgebeurtenis: {events}"),
    "help.game.event_round": ("the round (default: the open round)", "de ronde (standaard: de open ronde)"),
    "help.game.practice": ("play a practice round before round 1 (does not count)",
                           "speel een oefenronde vóór ronde 1 (telt niet mee)"),
    "help.game.advance": ("close the open round: play it and print the leaderboard",
                          "sluit de open ronde af, speel die en toon het klassement"),
    "help.game.undo": ("reopen the last round played (with --end: take back the end of the game)",
                       "heropen de laatst gespeelde ronde (met --end: draai het einde van het spel terug)"),
    "help.game.undo_end": ("take back the end of the game, and only that (refused if it has not ended)",
                           "draai het einde van het spel terug, en alleen dat (geweigerd als het niet beëindigd is)"),
    "help.game.undo_round": ("the round to reopen (refused if it is not the last round played)",
                             "de ronde die je heropent (geweigerd als dat niet de laatst gespeelde ronde is)"),
    "help.game.end": ("end the game after the rounds played so far",
                      "beëindig het spel na de rondes die tot nu toe gespeeld zijn"),
    "help.game.leaderboard": ("the leaderboard (balanced scorecard)", "het klassement (balanced scorecard)"),
    "help.game.leaderboard_round": ("after this round (default: the last played)",
                                    "na deze ronde (standaard: de laatst gespeelde)"),
    "help.game.debrief": ("write the game's debrief as an HTML page",
                          "schrijf de nabespreking van het spel als HTML-pagina"),
    "help.game.out": ("the page to write", "de pagina die de kit schrijft"),
    "help.game.replay": ("replay the log from round 0 and check every round's results",
                         "speel het logboek opnieuw af vanaf ronde 0 en controleer de uitkomsten van elke ronde"),
    # a command typed wrong: one line, in the command's language; argparse's own English (its templates in
    # Python 3.11–3.13) is read back and told again in Dutch (`cli.retold`)
    "cli.usage": ("{prog}: {message} (see {prog} --help)", "{prog}: {message} (zie {prog} --help)"),
    "usage.required": ("the following arguments are required: {names}", "deze argumenten ontbreken: {names}"),
    "usage.one_of": ("one of the arguments {names} is required", "geef één van deze argumenten: {names}"),
    "usage.not_with": ("argument {option}: not allowed with argument {other}",
                       "argument {option}: kan niet samen met argument {other}"),
    "usage.choice": ("argument {option}: invalid choice: {value} (choose from {choices})",
                     "argument {option}: ongeldige keuze {value} (kies uit {choices})"),
    "usage.value": ("argument {option}: invalid {kind} value: {value}",
                    "argument {option}: verwacht een {kind}, niet {value}"),
    "usage.one_value": ("argument {option}: expected one argument", "argument {option}: verwacht één waarde"),
    "usage.unrecognized": ("unrecognized arguments: {names}", "onbekende argumenten: {names}"),
    "usage.kind.int": ("int", "geheel getal"),
    "usage.kind.float": ("float", "getal"),
    # a manager's experiment at the terminal (`python -m simulation experiment … --language nl`)
    "experiment.header": ("{design}: {replications} per scenario, seed {seed}, {years}, 95% confidence "
                          "intervals", "{design}: {replications} per scenario, seed {seed}, {years}, "
                                       "95\u00a0%-betrouwbaarheidsintervallen"),  # not wrapped apart
    "experiment.replicate": ("Replicated scenario", "Herhaald scenario"),
    "experiment.compare": ("Comparison", "Vergelijking"),
    "experiment.compare_paired": ("Paired comparison (A and B on the same seeds)",
                                  "Gepaarde vergelijking (A en B met dezelfde seeds)"),
    "experiment.sweep": ("Sweep", "Sweep"),
    "experiment.sensitivity": ("Sensitivity", "Gevoeligheidsanalyse"),
    "experiment.range": ("Range", "Bereik"),
    "experiment.at_low": ("{kpi} at low value", "{kpi} bij lage waarde"),
    "experiment.at_high": ("{kpi} at high value", "{kpi} bij hoge waarde"),
    "experiment.one_replication": ("note: one replication gives means but no confidence intervals (n/a); use "
                                   "-n 2 or more to see how sure they are",
                                   "let op: één run geeft gemiddelden maar geen betrouwbaarheidsintervallen (n.v.t.); "
                                   "kies -n 2 of meer om te zien hoe zeker ze zijn"),
    "experiment.few_replications": ("note: {n} replications give rough intervals (their width rests on the spread "
                                    "of {n} runs); use -n {steady} or more for an answer to act on",
                                    "let op: {n} runs geven ruwe intervallen (hun breedte rust op de spreiding van "
                                    "{n} runs); kies -n {steady} of meer voor een antwoord waarop je kunt bouwen"),
    "experiment.swing": ("Swing (high − low)", "Verschil (hoog − laag)"),
    "experiment.swing_ci": ("95% interval of the swing", "95 %-interval van het verschil"),
    # --- grading a folder of submissions: the trainer's screen, the gradebook's status column and the summary
    "grade.progress": ("grading", "nakijken"),
    "grade.done": ("{submissions} submission(s), {exercises} exercise(s), {full} with full marks; wrote {files} "
                   "file(s), gradebook: {gradebook}",
                   "{submissions} inlevering(en), {exercises} opgave(n), {full} met alle punten; {files} bestand(en) "
                   "opgeslagen, cijferlijst: {gradebook}"),
    "grade.errors": ("errors: ran; some cells raised an error",
                     "fouten: uitgevoerd; sommige cellen stopten bij een fout"),
    "grade.time_limit": ("time limit: stopped after {seconds:g} s (an endless loop?)",
                         "tijdslimiet: na {seconds:g} s gestopt (een oneindige lus?)"),
    "grade.crashed": ("crashed: the kernel died (the notebook crashed it)",
                      "gecrasht: de kernel is gestopt (door het notebook)"),
    "grade.grader_failed": ("grader failed: the notebook could not be run here; the next run tries it again",
                            "nakijken mislukt: het notebook kon hier niet worden uitgevoerd; de volgende keer opnieuw"),
    "grade.not_a_notebook": ("not a notebook: not a Jupyter notebook", "geen notebook: geen Jupyter-notebook"),
    "grade.empty": ("empty: empty file", "leeg: leeg bestand"),
    "grade.too_large": ("too large: a file larger than {megabytes:g} MB",
                        "te groot: een bestand groter dan {megabytes:g} MB"),
    "grade.no_student": ("no student number (practice numbers)", "geen studentnummer (oefenmodus)"),
    "grade.other_course": ("other course salt", "andere cursuscode"),
    "grade.with_course": ("with course code '{course}'", "met cursuscode '{course}'"),
    "grade.without_course": ("without a course code", "zonder cursuscode"),
    "grade.course_option": ("with --course {course}", "met --course {course}"),
    "grade.no_course_option": ("without --course", "zonder --course"),
    "grade.no_answers": ("no answers", "geen antwoorden"),
    "grade.duplicate": ("duplicate student number: left out of the LMS files",
                        "dubbel studentnummer: niet in de LMS-bestanden"),
    "grade.combined": ("one of {files} notebooks of this student: the LMS files hold their total",
                       "één van {files} notebooks van deze student: de LMS-bestanden bevatten hun totaal"),
    # --- the classroom game at a terminal: `python -m simulation game …` and `classroom` (lines on screen)
    "game.cli.created": ("Created '{file}': {name}, {rounds} rounds of {months} months, {suppliers} suppliers.",
                         "Spelbestand '{file}' aangemaakt: {name}, {rounds} rondes van {months} maanden, "
                         "{suppliers} leveranciers."),
    "game.cli.existing": ("Using the existing game '{file}' ({teams} and {settings} apply to new games only).",
                          "Het bestaande spel '{file}' wordt gebruikt ({teams} en {settings} gelden alleen voor een "
                          "nieuw spel)."),
    "game.cli.teams": ("Teams:", "Teams:"),
    "game.cli.no_teams": ("Teams: none", "Teams: geen"),
    "game.cli.code": ("code", "code"),
    "game.cli.computers": ("Computer competitors:", "Computerconcurrenten:"),
    "game.cli.style": ("style", "stijl"),
    "game.cli.trainer_code": ("Trainer code: {code}", "Trainerscode: {code}"),
    "game.cli.hand_out": ("Hand each team its own code; keep the trainer code to yourself.",
                          "Geef elk team alleen zijn eigen code; de trainerscode houd je voor jezelf."),
    "game.cli.this_computer": ("This computer only; to let students' devices in, start with --lan.",
                               "Alleen deze computer kan het spel openen; start met --lan om ook de apparaten van "
                               "studenten toe te laten."),
    "game.cli.no_network": ("No classroom network found: only this computer can open the game for now.",
                            "Geen klasnetwerk gevonden: voorlopig kan alleen deze computer het spel openen."),
    "game.cli.network": ("Serving the classroom network: every device on it (phones, laptops) can open the game.",
                         "Het spel staat op het klasnetwerk: elk apparaat daarop (telefoon, laptop) kan het openen."),
    "game.cli.address": ("Students and the trainer open:  {address}", "Studenten en trainer openen:  {address}"),
    "game.cli.log_in": ("A team logs in with its team code, the trainer with the trainer code.",
                        "Een team logt in met zijn teamcode, de trainer met de trainerscode."),
    "game.cli.stop": ("Stop the game server with Ctrl+C; the game file keeps every round.",
                      "Stop de spelserver met Ctrl+C; het spelbestand bewaart elke ronde."),
    "game.cli.status": ("{name} ('{file}'): {played} of {rounds} rounds played.",
                        "{name} ('{file}'): {played} van {rounds} rondes gespeeld."),
    "game.cli.ended": ("The game is over: the trainer ended it after round {played} ('undo --end' takes that back).",
                       "Het spel is afgelopen: de trainer heeft het na ronde {played} beëindigd ('undo --end' draait "
                       "dat terug)."),
    "game.cli.all_played": ("The game is over: every round has been played.",
                            "Het spel is afgelopen: alle rondes zijn gespeeld."),
    "game.cli.round_open": ("Round {round} is open.", "Ronde {round} is open."),
    "game.cli.nobody": ("nobody", "niemand"),
    "game.cli.events_later": ("Market events in later rounds: {events}",
                              "Marktgebeurtenissen in latere rondes: {events}"),
    "game.cli.event_in_round": ("{event} (round {round})", "{event} (ronde {round})"),
    "game.cli.practice_played": ("Practice round: played", "Oefenronde: gespeeld"),
    "game.cli.practice_not_played": ("Practice round: not played", "Oefenronde: niet gespeeld"),
    "game.cli.stored": ("Stored for {team}, round {round}. Decisions in force:",
                        "Opgeslagen voor {team}, ronde {round}. Geldende beslissingen:"),
    "game.cli.allowed": ("allowed", "toegestaan"),
    "game.cli.market_start": ("(market start)", "(start van de markt)"),
    "game.cli.preview": ("Preview for {team}, round {round} (the other suppliers keep the decisions they have played "
                         "with so far; the band is about 95 %), {seconds:.1f} s:",
                         "Vooruitblik voor {team}, ronde {round} (de andere leveranciers houden de beslissingen "
                         "waarmee ze tot nu toe speelden; de band is ongeveer 95 %), {seconds:.1f} s:"),
    "game.cli.event_scheduled": ("Market event '{event}' scheduled for round {round}: {changes}.",
                                 "Marktgebeurtenis '{event}' gepland voor ronde {round}: {changes}."),
    "game.cli.practice_playing": ("Playing the practice round …", "De oefenronde wordt gespeeld …"),
    "game.cli.practice_done": ("Practice round played in {seconds:.1f} s (on other random numbers; it does not "
                               "count):",
                               "Oefenronde gespeeld in {seconds:.1f} s (met andere toevalsgetallen; telt niet mee):"),
    "game.cli.still_waiting": ("Still waiting for {names}: their decisions in force stay.",
                               "Nog niet ingestuurd: {names}; voor hen blijven hun geldende beslissingen staan."),
    "game.cli.round_playing": ("Playing round {round} of {rounds} …",
                               "Ronde {round} van {rounds} wordt gespeeld …"),
    "game.cli.round_done": ("Round {round} played in {seconds:.1f} s", "Ronde {round} gespeeld in {seconds:.1f} s"),
    "game.cli.last_round": ("That was the last round: the game is over.",
                            "Dat was de laatste ronde: het spel is afgelopen."),
    "game.cli.undone": ("Round {round} is open again: its results are withdrawn; submissions made for it stay, those "
                        "made for round {next} are dropped.",
                        "Ronde {round} is weer open: de uitslag is ingetrokken; wat voor deze ronde is ingestuurd "
                        "blijft staan, wat voor ronde {next} is ingestuurd vervalt."),
    "game.cli.end_can_be_undone": ("To play on after all: python -m simulation game undo {game} --end",
                                   "Toch verder spelen: python -m simulation game undo {game} --end --language nl"),
    "game.cli.end_undone": ("The end is taken back: round {round} is open again, and teams can submit for it.",
                            "Het einde is teruggedraaid: ronde {round} is weer open en teams kunnen ervoor "
                            "insturen."),
    "game.cli.game_ended": ("The game has ended after round {played}; write its debrief with: "
                            "python -m simulation game debrief {game} debrief.html",
                            "Het spel is beëindigd na ronde {played}; maak de nabespreking met: "
                            "python -m simulation game debrief {game} nabespreking.html --language nl"),
    "game.cli.no_leaderboard": ("No round has been played yet: there is no leaderboard.",
                                "Er is nog geen ronde gespeeld: er is geen klassement."),
    "game.cli.leaderboard": ("Leaderboard after round {played} of {rounds}:",
                             "Klassement na ronde {played} van {rounds}:"),
    "game.cli.debrief_written": ("Wrote the debrief to '{file}' in {seconds:.1f} s",
                                 "Nabespreking opgeslagen als '{file}' ({seconds:.1f} s)"),
    "game.cli.nothing_to_replay": ("No round has been played yet: nothing to replay.",
                                   "Er is nog geen ronde gespeeld: er valt niets opnieuw te spelen."),
    "game.cli.replaying": ("Replaying the rounds played ({played}) from the log …",
                           "De gespeelde rondes ({played}) worden opnieuw gespeeld uit het logboek …"),
    "game.cli.replay_differs": ("Round(s) {rounds} of {played} differ from the stored results (replayed in "
                                "{seconds:.1f} s): the file was changed by hand or the model changed.",
                                "Afwijkend van de opgeslagen uitslagen: ronde(s) {rounds} van {played} (opnieuw "
                                "gespeeld in {seconds:.1f} s); het bestand is met de hand gewijzigd of het model is "
                                "veranderd."),
    "game.cli.replay_same": ("The rounds played ({played}) replayed identically ({seconds:.1f} s)",
                             "De gespeelde rondes ({played}) opnieuw gespeeld: precies dezelfde uitslagen "
                             "({seconds:.1f} s)"),
    # --- the classroom game's debrief page (simulation.game.debrief)
    # --- the classroom game: leaderboard, round tables, team and trainer pages (simulation/game)
    "game.board.change": ("Change", "Verschil"),
    "game.board.computer": ("* computer competitor", "* computerconcurrent"),
    "game.round.kpi": ("KPI", "KPI"),
    "game.round.number": ("Round {round}", "Ronde {round}"),
    "game.kpi.churned": ("Customers lost", "Verloren klanten"),
    "game.kpi.won_value": ("Value of deals won", "Waarde gewonnen deals"),
    "game.kpi.market_share": ("Market share (revenue)", "Marktaandeel (omzet)"),
    "game.kpi.switched_in": ("Buyers who left a rival and asked us", "Kopers die bij een concurrent vertrokken en ons vroegen"),
    "game.kpi.gross_margin_rate": ("Gross margin", "Brutomarge"),
    "game.kpi.price_level": ("Price level", "Prijsniveau"),
    "game.page.team_title": ("Sales game: team page", "Salesspel: teampagina"),
    "game.page.team_prompt": ("Type your team's code, as the trainer gave it to you.",
                              "Typ de code van je team, zoals de trainer die gaf."),
    "game.page.trainer_title": ("Sales game: trainer page", "Salesspel: trainerspagina"),
    "game.page.trainer_prompt": ("Type the trainer code.", "Typ de trainerscode."),
    "game.default_name": ("Sales game", "Salesspel"),
    "game.page.code": ("Code", "Code"),
    "game.page.log_in": ("Log in", "Inloggen"),
    "game.page.round_open": ("round {round} of {rounds} is open", "ronde {round} van {rounds} is open"),
    "game.page.finished": ("the game is over after round {rounds}", "het spel is afgelopen na ronde {rounds}"),
    "game.page.no_rounds_yet": ("No round has been played yet.", "Er is nog geen ronde gespeeld."),
    "game.page.tab_results": ("Our results", "Onze resultaten"),
    "game.page.tab_market": ("The market", "De markt"),
    "game.page.tab_decisions": ("Decisions", "Beslissingen"),
    "game.page.preview": ("Preview", "Vooruitblik"),
    "game.page.submit": ("Submit", "Insturen"),
    "game.page.previewing": ("Playing your draft one round ahead…", "Je concept wordt één ronde vooruit gespeeld…"),
    "game.page.preview_of": ("If you submit this, round {round} would bring about this (the other suppliers keep "
                             "the decisions they have played with so far; the band is about 95 % of what luck can "
                             "do):",
                             "Als je dit instuurt, brengt ronde {round} ongeveer dit (de andere leveranciers houden de "
                             "beslissingen waarmee ze tot nu toe speelden; de band is ongeveer 95 % van wat toeval "
                             "kan doen):"),
    "game.page.projected": ("Projected", "Verwacht"),
    "game.page.band": ("Band", "Band"),
    "game.page.stored": ("Stored for round {round}:", "Opgeslagen voor ronde {round}:"),
    "game.page.submitted": ("Your decisions for round {round} are in; you can still change them until the trainer "
                            "closes the round.", "Jullie beslissingen voor ronde {round} zijn binnen; je kunt ze nog "
                            "wijzigen tot de trainer de ronde sluit."),
    "game.page.not_submitted": ("Nothing submitted for round {round} yet: without a submission your decisions in "
                                "force stay.", "Nog niets ingestuurd voor ronde {round}: zonder inzending blijven "
                                "jullie geldende beslissingen staan."),
    "game.page.leaderboard": ("Leaderboard", "Klassement"),
    "game.page.back": ("Back", "Terug"),
    "game.page.event": ("Schedule event", "Gebeurtenis plannen"),
    "game.page.practice": ("Practice round", "Oefenronde"),
    "game.page.advance": ("Close round", "Ronde sluiten"),
    "game.page.undo": ("Undo last round", "Laatste ronde terugdraaien"),
    "game.page.undo_end": ("Undo the end", "Einde terugdraaien"),
    "game.page.full_screen": ("Leaderboard full screen", "Klassement schermvullend"),
    "game.page.downloads": ("Debrief and game file", "Nabespreking en spelbestand"),
    "game.page.download_debrief": ("Download the debrief report", "Download de nabespreking"),
    "game.page.download_game": ("Download the game file", "Download het spelbestand"),
    "game.page.submitted_list": ("Submitted: {names}", "Ingestuurd: {names}"),
    "game.page.waiting_list": ("Still to submit: {names}", "Nog niet ingestuurd: {names}"),
    "game.page.events_list": ("Market events this round: {names}", "Marktgebeurtenissen deze ronde: {names}"),
    "game.page.team_address": ("Teams open:", "Teams openen:"),
    "game.page.working": ("Working…", "Bezig…"),
    "game.page.event_scheduled": ("Event scheduled for the open round.", "Gebeurtenis gepland voor de open ronde."),
    "game.page.practice_played": ("Practice round played; it does not count.",
                                  "Oefenronde gespeeld; die telt niet mee."),
    "game.page.advanced": ("Round {round} played in {seconds} s.", "Ronde {round} gespeeld in {seconds} s."),
    "game.page.undone": ("Round {round} is open again.", "Ronde {round} is weer open."),
    "game.page.end_undone": ("The end is taken back: round {round} is open again.",
                             "Het einde is teruggedraaid: ronde {round} is weer open."),
    "game.page.end": ("End game", "Spel beëindigen"),
    "game.page.new_game": ("New game", "Nieuw spel"),
    "game.page.new_game_heading": ("A new game (once this one is over, or before round 1)",
                                   "Een nieuw spel (als dit spel voorbij is, of vóór ronde 1)"),
    "game.page.new_teams": ("Teams", "Teams"),
    "game.page.new_settings": ("Settings file", "Instellingenbestand"),
    "game.page.new_game_started": ("A new game has started; the last one is kept as {archive}. Hand out the new "
                                   "team codes.", "Een nieuw spel is begonnen; het vorige staat in {archive}. Deel de "
                                   "nieuwe teamcodes uit."),
    "game.page.new_game_login": ("A new game has started: type your team's new code.",
                                 "Er is een nieuw spel begonnen: typ de nieuwe code van je team."),
    "game.preset.workshop": ("Workshop: 6 suppliers, 8 quarters", "Workshop: 6 leveranciers, 8 kwartalen"),
    "game.preset.short": ("Short: 4 quarters", "Kort: 4 kwartalen"),
    "game.preset.long": ("Long: 12 quarters", "Lang: 12 kwartalen"),
    "game.preset.large_class": ("Large class: 12 suppliers, 8 quarters", "Grote klas: 12 leveranciers, 8 kwartalen"),
    "game.page.ended": ("The game has ended after round {round}.", "Het spel is beëindigd na ronde {round}."),
    "game.fig.round": ("Round", "Ronde"),
    "game.fig.nps_axis": ("NPS (−100 to +100)", "NPS (−100 tot +100)"),
    "debrief.title": ("Debrief: {name}", "Nabespreking: {name}"),
    "debrief.played": ("{played} of {rounds} rounds played, {months} months per round.",
                       "{played} van {rounds} rondes gespeeld, {months} maanden per ronde."),
    "debrief.none_played": ("No round has been played yet: there is nothing to debrief.",
                            "Er is nog geen ronde gespeeld: er valt nog niets na te bespreken."),
    "debrief.leaderboard": ("Final leaderboard after round {round}", "Eindklassement na ronde {round}"),
    "game.board.rank": ("Rank", "Plaats"),
    "game.board.supplier": ("Supplier", "Leverancier"),
    "game.board.score": ("Score (0–100)", "Score (0–100)"),
    "game.board.margin": ("Margin (€)", "Marge (€)"),
    "game.board.nps": ("NPS", "NPS"),
    "game.board.customers": ("Customers", "Klanten"),
    "game.board.churn": ("Churn (% per year)", "Klantverloop (% per jaar)"),
    "debrief.computer": ("computer", "computer"),
    "debrief.scorecard": ("The score weighs margin {margin}, NPS {nps}, customers {customers} and churn {churn}, "
                          "each scaled from the market's worst (0) to its best (100); margin is over all rounds, "
                          "churn is the mean per year.",
                          "De score weegt marge {margin}, NPS {nps}, klanten {customers} en klantverloop {churn}, "
                          "elk geschaald van de slechtste (0) tot de beste (100) van de markt; marge is over alle "
                          "rondes, klantverloop is het gemiddelde per jaar."),
    "game.board.below_min_nps": ("{name} is below the minimum NPS of {nps}, so it ranks after every supplier that "
                              "meets it.", "{name} zit onder de minimale NPS van {nps} en staat daardoor achter "
                                           "iedere leverancier die hem wel haalt."),
    "debrief.paths": ("Every supplier's path over the rounds", "Het verloop van iedere leverancier per ronde"),
    "debrief.fig.round": ("Round ({months} months each)", "Ronde (elk {months} maanden)"),
    "debrief.fig.margin.title": ("Margin per round", "Marge per ronde"),
    "debrief.fig.margin.axis": ("Margin in the round (€)", "Marge in de ronde (€)"),
    "debrief.fig.nps.title": ("NPS at the end of each round", "NPS aan het eind van elke ronde"),
    "debrief.fig.nps.axis": ("NPS (−100 to +100)", "NPS (−100 tot +100)"),
    "debrief.fig.customers.title": ("Customers at the end of each round", "Klanten aan het eind van elke ronde"),
    "debrief.fig.customers.axis": ("Customers (count)", "Klanten (aantal)"),
    "debrief.fig.market_share.title": ("Market share per round", "Marktaandeel per ronde"),
    "debrief.fig.market_share.axis": ("Market share (% of the market's revenue)",
                                      "Marktaandeel (% van de omzet in de markt)"),
    "debrief.fig.rank.title": ("Rank on the leaderboard after each round", "Plaats in het klassement na elke ronde"),
    "debrief.fig.rank.axis": ("Rank (1 = first)", "Plaats (1 = eerste)"),
    "debrief.decisions": ("Decisions and market events per round", "Beslissingen en marktgebeurtenissen per ronde"),
    "debrief.decisions_note": ("Per team, the decisions that changed since the round before (round 1: since the "
                               "market's start); a decision stays in force until the team changes it.",
                               "Per team de beslissingen die sinds de vorige ronde zijn gewijzigd (ronde 1: sinds "
                               "de start van de markt); een beslissing blijft gelden tot het team haar wijzigt."),
    "debrief.col.round": ("Round", "Ronde"),
    "debrief.col.events": ("Market events", "Marktgebeurtenissen"),
    "debrief.col.decisions": ("Decisions changed", "Gewijzigde beslissingen"),
    "debrief.change": ("{label}: {old} → {new}", "{label}: {old} → {new}"),
    "debrief.no_change": ("no change", "geen wijziging"),
    "debrief.no_events": ("none", "geen"),
    "debrief.computers": ("Computer competitors and their style", "Computerconcurrenten en hun stijl"),
    "game.event.price_war": ("price war: a competitor's prices push customers below grade 8 to leave",
                                "prijsoorlog: de prijzen van een concurrent trekken klanten onder een 8 weg"),
    "game.event.demand_dip": ("demand dip: fewer buyers come in and campaigns yield less",
                                 "vraaguitval: minder kopers melden zich en campagnes leveren minder op"),
    "game.event.key_account_crisis": ("key-account crisis: a supply problem doubles incidents",
                                         "key-accountcrisis: een leveringsprobleem verdubbelt de incidenten"),
    "debrief.history": ("The leaderboard after each round", "Het klassement na elke ronde"),
    "debrief.col.after_round": ("After round {round}", "Na ronde {round}"),
    "debrief.why": ("Why one beat the other", "Waarom de een de ander versloeg"),
    "debrief.why_note": ("The margin over all rounds of each two neighbours in the final ranking, split by "
                         "mechanism. Margin = revenue × gross-margin rate − sales cost − service cost − strategy "
                         "cost. Deals won (new deals) and customer base (repeat orders of existing customers, which "
                         "churn erodes) value the difference in revenue at the two suppliers' average gross-margin "
                         "rate; price is the difference in gross-margin rate on their average revenue; costs count "
                         "against margin. The parts add up to the difference in margin.",
                         "De marge over alle rondes van elke twee buren in het eindklassement, uitgesplitst naar "
                         "mechanisme. Marge = omzet × brutomarge − verkoopkosten − servicekosten − kosten "
                         "waardedisciplines. Deals gewonnen (nieuwe deals) en klantenbestand (herhaalorders van "
                         "bestaande klanten, die klantverloop uitholt) waarderen het verschil in omzet tegen de "
                         "gemiddelde brutomarge van beide leveranciers; prijs is het verschil in brutomarge over "
                         "hun gemiddelde omzet; kosten gaan van de marge af. De delen tellen op tot het verschil "
                         "in marge."),
    "debrief.why_alone": ("There is only one supplier: nothing to compare.",
                          "Er is maar één leverancier: er valt niets te vergelijken."),
    "debrief.why_pair": ("{a} (rank {rank_a}) against {b} (rank {rank_b})",
                         "{a} (plaats {rank_a}) tegen {b} (plaats {rank_b})"),
    "debrief.why_more": ("{a} earned {gap} more margin than {b}.", "{a} verdiende {gap} meer marge dan {b}."),
    "debrief.why_less": ("{a} earned {gap} less margin than {b}, but ranks higher on the rest of the scorecard "
                         "(NPS, customers, churn).", "{a} verdiende {gap} minder marge dan {b}, maar staat hoger door "
                                                     "de rest van de score (NPS, klanten, klantverloop)."),
    "debrief.why_equal": ("{a} and {b} earned the same margin.", "{a} en {b} verdienden dezelfde marge."),
    "debrief.why_min_nps": ("{b} stays below the minimum NPS, so it ranks after {a} whatever its margin.",
                            "{b} blijft onder de minimale NPS en staat daardoor achter {a}, ongeacht de marge."),
    "debrief.why_biggest": ("The biggest difference is in “{part}”: {amount}.",
                            "Het grootste verschil zit in “{part}”: {amount}."),
    "debrief.col.mechanism": ("Mechanism", "Mechanisme"),
    "debrief.col.difference": ("Difference in margin (€)", "Verschil in marge (€)"),
    "debrief.part.deals_won": ("Deals won", "Deals gewonnen"),
    "debrief.part.customer_base": ("Customer base (repeat orders)", "Klantenbestand (herhaalorders)"),
    "debrief.part.price": ("Price (gross-margin rate)", "Prijs (brutomarge)"),
    "debrief.part.sales_cost": ("Sales cost", "Verkoopkosten"),
    "debrief.part.service_cost": ("Service cost", "Servicekosten"),
    "debrief.part.strategy_cost": ("Strategy cost (value disciplines)", "Kosten waardedisciplines"),
    "debrief.part.other": ("Other (not explained by the round results)", "Overig (niet verklaard door de "
                                                                         "rondecijfers)"),
    "debrief.part.total": ("Total: difference in margin", "Totaal: verschil in marge"),
}

#: A Dutch unit after the number 1 ('1 klant', not '1 klanten'); units not here read the same ('1 jaar', '1 uur').
DUTCH_SINGULAR = {"maanden": "maand", "dagen": "dag", "cijferpunten": "cijferpunt", "punten": "punt", "leads": "lead",
                  "bezoeken": "bezoek", "opportunities": "opportunity", "offertes": "offerte", "deals": "deal",
                  "klanten": "klant", "klachten": "klacht", "orders": "order", "workers": "worker",
                  "runs": "run"}

#: How a unit's values are shown: (kind, English, Dutch). Kind 'percent' shows a 0–1 share as '12.5%',
#: 'euro' as '€1,234', 'grade', 'nps' and 'scale' bare (the label says what they are; an axis still gives the
#: unit), 'number' with the unit after it.
UNITS: dict[str, tuple[str, str, str]] = {
    "": ("number", "", ""),
    "share": ("percent", "", ""),
    "workers": ("number", "workers", "workers"),  # worker processes of an experiment
    "replications": ("number", "replications", "runs"),  # of each scenario in an experiment
    "probability": ("percent", "", ""),
    "share/year": ("percent", "per year", "per jaar"),
    "share of criteria": ("percent", "of criteria", "van de criteria"),
    "share of revenue": ("percent", "of revenue", "van de omzet"),
    "€": ("euro", "", ""),
    "€/month": ("euro", "per month", "per maand"),
    "€/year": ("euro", "per year", "per jaar"),
    "€/FTE/year": ("euro", "per FTE per year", "per fte per jaar"),
    "€/customer": ("euro", "per customer", "per klant"),
    "€/customer/year": ("euro", "per customer per year", "per klant per jaar"),
    "grade 1–10": ("grade", "grade 1–10", "cijfer 1–10"),
    "−100…+100": ("nps", "−100 to +100", "−100 tot +100"),
    "×": ("times", "×", "×"),
    "× market price": ("number", "× market price", "× marktprijs"),
    "years": ("number", "years", "jaar"),
    "months": ("number", "months", "maanden"),
    "days": ("number", "days", "dagen"),
    "hours": ("number", "hours", "uur"),
    "hours/year": ("number", "hours per year", "uur per jaar"),
    "FTE": ("number", "FTE", "fte"),
    "orders": ("number", "orders", "orders"),
    "level 0–1": ("scale", "level 0–1", "niveau 0–1"),  # '0.90', not '0.90 level 0–1'
    "grade points": ("number", "grade points", "cijferpunten"),
    "points": ("number", "points", "punten"),
    "log-sd": ("number", "log-sd", "log-sd"),
    "leads": ("number", "leads", "leads"),
    "leads/month": ("number", "leads per month", "leads per maand"),
    "leads/€1,000": ("number", "leads per €1,000", "leads per € 1.000"),
    "prospects/year": ("number", "prospects per year", "prospects per jaar"),
    "relations/year": ("number", "relations per year", "relaties per jaar"),
    "incidents/year": ("number", "incidents per year", "incidenten per jaar"),
    "visits/year": ("number", "visits per year", "bezoeken per jaar"),
    "visits": ("number", "visits", "bezoeken"),
    "€/visit": ("euro", "per visit", "per bezoek"),
    "€/quote": ("euro", "per quote", "per offerte"),
    "opportunities": ("number", "opportunities", "opportunities"),
    "quotes": ("number", "quotes", "offertes"),
    "deals": ("number", "deals", "deals"),
    "customers": ("number", "customers", "klanten"),
    "complaints": ("number", "complaints", "klachten"),
    "count": ("number", "count", "aantal"),
}
