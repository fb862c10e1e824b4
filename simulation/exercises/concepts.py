"""Exercises on the course concepts of DOMAIN.md §11 that the model does not simulate.

Each is a classification (which term fits this statement?) from a small pool
of statements, so students get different statements; lesson
notebooks/09_course_concepts.ipynb explains every term. The complaint goal
and Porter's margin are small calculations (see `calculations.py`). The sales
approaches are the model's own sales methods (`funnel.sales_method`), named as
lesson 02's panel names them, and the steering levels ask about KPIs of the
kit's own KPI table, named as the panels name them.
"""

from __future__ import annotations

import re

from ..parameters import SPECS
from ..results import KPI_SPECS
from .base import Text
from .classify import Term, classification

T = Text

SALES_GENERATIONS = classification(
    id="sales-generations", concept="funnel",
    title=T("Sales 1.0, 2.0 or 3.0?", "Sales 1.0, 2.0 of 3.0?"),
    prompt=T("Which way of selling does this seller show?", "Welke manier van verkopen laat deze verkoper zien?"),
    terms=(
        Term("sales_1", T("sales 1.0", "sales 1.0"), T(
            "the transaction comes first, the relationship less; it still fits simple products.",
            "de transactie staat voorop, de relatie minder; past nog bij eenvoudige producten.")),
        Term("sales_2", T("sales 2.0", "sales 2.0"), T(
            "consultative or solution selling: the seller thinks *with* the customer, earns trust and shows "
            "added value.",
            "consultative of solution selling: de verkoper denkt *mee* met de klant, wint vertrouwen en laat "
            "toegevoegde waarde zien.")),
        Term("sales_3", T("sales 3.0", "sales 3.0"), T(
            "insight selling: the seller thinks *ahead* for customers who already informed themselves online, "
            "and brings insights and needs they did not feel yet.",
            "insight selling: de verkoper denkt *vooruit* voor klanten die zich al online oriënteerden, en brengt "
            "inzichten en behoeften die ze nog niet voelden.")),
    ),
    cases=(
        ("sales_3", T("I showed the buyer a trend in their own market that will hit their margins next year, before "
                      "they had seen it.", "Ik liet de inkoper een trend in hun eigen markt zien die volgend jaar hun "
                      "marges raakt, voordat zij die hadden gezien.")),
        ("sales_1", T("Price list, order form, done: the customer needs 40 boxes of paper and I close the sale.",
                      "Prijslijst, orderformulier, klaar: de klant heeft 40 dozen papier nodig en ik sluit de "
                      "verkoop.")),
        ("sales_2", T("Together with the customer's IT team I worked out which solution fits their problem best.",
                      "Samen met het IT-team van de klant zocht ik uit welke oplossing het best bij hun probleem "
                      "past.")),
        ("sales_3", T("The buyer had read everything online, so I brought a benchmark that made them rethink the "
                      "question itself.", "De inkoper had online alles gelezen, dus ik bracht een benchmark mee "
                      "waardoor ze de vraag zelf opnieuw bekeken.")),
        ("sales_2", T("I built trust over several visits and showed what our service adds to their process.",
                      "Ik bouwde in meerdere bezoeken vertrouwen op en liet zien wat onze service aan hun proces "
                      "toevoegt.")),
    ),
)

CRM_FACTORS = classification(
    id="crm-factors", concept="strategy",
    title=T("The five CRM factors", "De vijf CRM-factoren"),
    prompt=T("Which of the five CRM factors is this about?", "Over welke van de vijf CRM-factoren gaat dit?"),
    terms=(
        Term("customer", T("customer", "klant"), T(
            "the centre of CRM: who counts as a customer (prospects and ex-customers too is the firm's choice).",
            "het midden van CRM: wie telt als klant (ook prospects en ex-klanten is een keuze van het bedrijf).")),
        Term("strategy", T("strategy", "strategie"), T(
            "the board's value discipline, carried into marketing and sales.",
            "de waardediscipline van de directie, doorvertaald naar marketing en sales.")),
        Term("technology", T("technology", "technologie"), T(
            "insight from data: one shared file of every account, data warehouse, data mining.",
            "inzicht uit data: één gedeeld dossier per account, datawarehouse, datamining.")),
        Term("processes", T("processes", "processen"), T(
            "the work with accounts laid down, each process with an owner and a measurable goal.",
            "het werk met accounts vastgelegd, elk proces met een eigenaar en een meetbaar doel.")),
        Term("people", T("people", "mensen"), T(
            "the roles and who does what: inside sales, account managers, key account managers.",
            "de rollen en wie wat doet: binnendienst, accountmanagers, key accountmanagers.")),
    ),
    cases=(
        ("processes", T("Complaint handling gets an owner and the goal '90 % within 24 hours'.",
                        "Klachtenafhandeling krijgt een eigenaar en het doel '90 % binnen 24 uur'.")),
        ("technology", T("Service logs every complaint in the same CRM file the account manager reads.",
                         "De service legt elke klacht vast in hetzelfde CRM-dossier dat de accountmanager leest.")),
        ("strategy", T("The board chooses customer intimacy, and sales gets the budget for a plan per customer.",
                       "De directie kiest voor customer intimacy, en sales krijgt budget voor een plan per klant.")),
        ("people", T("Large customers with complex products get a key account manager; small ones inside sales.",
                     "Grote klanten met complexe producten krijgen een key accountmanager; kleine de binnendienst.")),
        ("customer", T("We decide that ex-customers stay in our CRM, because win-back is possible.",
                       "We besluiten dat ex-klanten in ons CRM blijven, omdat terugwinnen mogelijk is.")),
    ),
)

CUSTOMER_TERMS = classification(
    id="customer-terms", concept="satisfaction",
    title=T("Customer terms (Renkema, table 1.1)", "Klantbegrippen (Renkema, tabel 1.1)"),
    prompt=T("Which customer term from Renkema's table 1.1 fits?", "Welk klantbegrip uit tabel 1.1 van Renkema past?"),
    terms=(
        Term("klantbewustheid", T("klantbewustheid (customer awareness)", "klantbewustheid"), T(
            "knowing that customers matter and differ in wishes and expectations.",
            "weten dat klanten belangrijk zijn en verschillen in wensen en verwachtingen.")),
        Term("klantinzicht", T("klantinzicht (customer insight)", "klantinzicht"), T(
            "continuously researching, recording and analysing each customer's wishes, demands and behaviour.",
            "voortdurend onderzoeken, vastleggen en analyseren van wensen, eisen en gedrag van elke klant.")),
        Term("klantgerichtheid", T("klantgerichtheid (customer focus)", "klantgerichtheid"), T(
            "the customer as the starting point for organising the whole firm.",
            "de klant als uitgangspunt voor de inrichting van het hele bedrijf.")),
        Term("klantvriendelijkheid", T("klantvriendelijkheid (customer friendliness)", "klantvriendelijkheid"), T(
            "positive, friendly, understanding and patient contact.",
            "positief, vriendelijk, begripvol en geduldig contact.")),
        Term("klanttevredenheid", T("klanttevredenheid (customer satisfaction)", "klanttevredenheid"), T(
            "how content the customer is with the performance.",
            "hoe tevreden de klant is over de prestatie.")),
    ),
    cases=(
        ("klantinzicht", T("Every visit report, order and complaint is recorded and analysed per customer.",
                           "Elk bezoekverslag, elke order en klacht wordt per klant vastgelegd en geanalyseerd.")),
        ("klantvriendelijkheid", T("The help desk stays patient and kind, even with an angry caller.",
                                   "De helpdesk blijft geduldig en vriendelijk, ook bij een boze beller.")),
        ("klantgerichtheid", T("Delivery, invoicing and service were reorganised around what customers need.",
                               "Levering, facturatie en service zijn opnieuw ingericht rond wat klanten nodig hebben.")),
        ("klanttevredenheid", T("Customers give us a 7.4 for our performance this year.",
                                "Klanten geven ons dit jaar een 7,4 voor onze prestaties.")),
        ("klantbewustheid", T("The team realises that no two customers want the same thing.",
                              "Het team beseft dat geen twee klanten hetzelfde willen.")),
    ),
)

EXPECTATION_KINDS = classification(
    id="expectation-kinds", concept="satisfaction",
    title=T("Four kinds of expectation", "Vier soorten verwachtingen"),
    prompt=T("Which kind of expectation does this customer have?", "Wat voor verwachting heeft deze klant?"),
    terms=(
        Term("product", T("the product itself", "product/dienst"), T(
            "what the thing bought does and how good it is.", "wat het gekochte doet en hoe goed het is.")),
        Term("service", T("service", "service"), T(
            "the help around what was bought: advice, support, repairs, answers.",
            "de hulp rond het gekochte: advies, ondersteuning, reparatie, antwoorden.")),
        Term("price", T("price", "prijs"), T("what it costs, and whether that is fair.", "wat het kost, en of dat redelijk is.")),
        Term("availability", T("availability", "verkrijgbaarheid"), T(
            "whether and when the customer can get it: stock, delivery time.",
            "of en wanneer de klant het kan krijgen: voorraad, levertijd.")),
    ),
    cases=(
        ("availability", T("The laptops must be in stock and delivered within a week.",
                            "De laptops moeten op voorraad zijn en binnen een week geleverd.")),
        ("service", T("When the server fails, someone must be on site within four hours.",
                      "Als de server uitvalt, moet er binnen vier uur iemand ter plaatse zijn.")),
        ("price", T("The licence should not cost more than last year's.",
                    "De licentie mag niet meer kosten dan vorig jaar.")),
        ("product", T("The software must handle our 2,000 invoices a day without errors.",
                      "De software moet onze 2.000 facturen per dag zonder fouten verwerken.")),
    ),
)

CUSTOMER_DELIGHT = classification(
    id="customer-delight", concept="satisfaction",
    title=T("Customer delight", "Customer delight: de klant verrukken"),
    prompt=T("Which ingredient of customer delight is this, if any?",
             "Welk ingrediënt van customer delight is dit, als het er een is?"),
    terms=(
        Term("exceeding", T("exceeding expectations", "verwachtingen overstijgen"), T(
            "doing something valuable the customer did not expect.",
            "iets waardevols doen dat de klant niet verwachtte.")),
        Term("warmth", T("warmth and ego-stroking", "warmte en ego-streling"), T(
            "recognising the customer, sincere interest, a personal touch, making them feel valued.",
            "de klant herkennen, oprechte interesse, een persoonlijke noot, de klant zich gewaardeerd laten voelen.")),
        Term("meeting", T("only meeting expectations (satisfaction, not delight)",
                          "alleen verwachtingen waarmaken (tevredenheid, geen delight)"), T(
            "doing what was promised, no more: the customer is satisfied, not delighted.",
            "doen wat beloofd is, niet meer: de klant is tevreden, niet enthousiast.")),
    ),
    cases=(
        ("warmth", T("The account manager remembers the buyer's daughter started university and asks how it goes.",
                     "De accountmanager weet nog dat de dochter van de inkoper ging studeren en vraagt hoe het gaat.")),
        ("exceeding", T("Unasked, the supplier tunes the customer's system so it runs twice as fast.",
                        "Ongevraagd stelt de leverancier het systeem van de klant zo af dat het twee keer zo snel "
                        "draait.")),
        ("meeting", T("The order arrives on the promised day, complete and correct.",
                      "De order komt op de beloofde dag, compleet en correct.")),
    ),
)

SPIN_QUESTIONS = classification(
    id="spin-questions", concept="funnel",
    title=T("SPIN: which question type?", "SPIN: welk soort vraag?"),
    prompt=T("Which SPIN question type (Rackham) is this?", "Welk soort SPIN-vraag (Rackham) is dit?"),
    terms=(
        Term("situation", T("situation question", "situatievraag"), T(
            "sketches the context: how things are now.", "schetst de context: hoe het nu gaat.")),
        Term("problem", T("problem question", "probleemvraag"), T(
            "uncovers implicit needs: where it hurts.", "brengt impliciete behoeften boven: waar het knelt.")),
        Term("implication", T("implication question", "implicatievraag"), T(
            "makes an implicit need explicit: what the problem costs or causes.",
            "maakt een impliciete behoefte expliciet: wat het probleem kost of veroorzaakt.")),
        Term("need_payoff", T("need-payoff question", "nuttig-effectvraag"), T(
            "lets the customer name the benefit of a solution.", "laat de klant het voordeel van een oplossing noemen.")),
    ),
    cases=(
        ("situation", T("Who prepares your quotes now?", "Wie maakt nu jullie offertes?")),
        ("problem", T("Where do your quotes take too long?", "Waar duren jullie offertes te lang?")),
        ("implication", T("What does a late quote cost you in lost orders?", "Wat kost een late offerte jullie aan "
                                                                            "gemiste orders?")),
        ("need_payoff", T("What would a quote within 24 hours be worth to you?",
                          "Wat zou een offerte binnen 24 uur jullie waard zijn?")),
        ("situation", T("How many people are in your purchasing team?", "Hoeveel mensen zitten er in jullie "
                                                                         "inkoopteam?")),
        ("implication", T("If the system is down for a day, what happens to your deliveries?",
                          "Als het systeem een dag plat ligt, wat gebeurt er dan met jullie leveringen?")),
    ),
)

MARKETING_SALES = classification(
    id="marketing-sales-relationship", concept="market",
    title=T("Marketing and sales: which relationship?", "Marketing en sales: welke relatie?"),
    prompt=T("Which of the four relationship types between marketing and sales is this?",
             "Welke van de vier relatievormen tussen marketing en sales is dit?"),
    terms=(
        Term("undefined", T("undefined", "ongedefinieerd"), T(
            "no structural cooperation: each works on its own.", "geen structurele samenwerking: ieder werkt apart.")),
        Term("defined", T("defined", "gedefinieerd"), T(
            "agreed hand-offs and rules, but still two worlds.", "afgesproken overdrachten en regels, maar nog twee "
                                                                 "werelden.")),
        Term("aligned", T("aligned", "afgestemd"), T(
            "flexible, with joint consultation and shared plans.", "flexibel, met gezamenlijk overleg en gedeelde "
                                                                   "plannen.")),
        Term("integrated", T("integrated", "geïntegreerd"), T(
            "no borders: one team with one shared focus and shared targets.",
            "geen grenzen: één team met één gedeelde focus en gedeelde doelen.")),
    ),
    cases=(
        ("defined", T("Marketing hands over a lead once it meets the agreed criteria; sales reports back on it.",
                      "Marketing draagt een lead over zodra die aan de afgesproken criteria voldoet; sales "
                      "rapporteert erover terug.")),
        ("undefined", T("Marketing runs campaigns; sales hears about them from customers.",
                        "Marketing voert campagnes; sales hoort ervan via klanten.")),
        ("integrated", T("One revenue team plans, runs campaigns and sells, with one target.",
                         "Eén revenueteam plant, voert campagnes en verkoopt, met één doel.")),
        ("aligned", T("Every month marketing and sales plan the campaigns and follow-up together.",
                      "Elke maand plannen marketing en sales samen de campagnes en de opvolging.")),
    ),
    lesson="07_marketing_sales_alignment", docs_section="3.3.1",
)

GDPR = classification(
    id="gdpr-principles", concept="accounts",
    title=T("GDPR (AVG) principles for CRM data", "AVG-principes voor CRM-gegevens"),
    prompt=T("Which GDPR (AVG) principle does this CRM rule follow?", "Welk AVG-principe volgt deze CRM-regel?"),
    terms=(
        Term("accuracy", T("accuracy and transparency", "juistheid en transparantie"), T(
            "correct data, and the person informed and consenting.", "juiste gegevens, en de persoon geïnformeerd en "
                                                                     "akkoord.")),
        Term("limitation", T("limitation", "beperkingen"), T(
            "only the data a purpose needs, deleted when the agreement ends.",
            "alleen de gegevens die een doel nodig heeft, gewist als de overeenkomst eindigt.")),
        Term("integrity", T("integrity", "integriteit"), T(
            "a written policy showing protection from unauthorised access, loss and destruction.",
            "een schriftelijk beleid dat bescherming tegen onbevoegde toegang, verlies en vernietiging laat zien.")),
        Term("control", T("right of control", "recht van controle"), T(
            "the person may view and change their data, and be forgotten.",
            "de persoon mag zijn gegevens inzien en wijzigen, en vergeten worden.")),
    ),
    cases=(
        ("limitation", T("We do not record contacts' birthdays: the contract does not need them.",
                         "We leggen geen verjaardagen van contactpersonen vast: het contract heeft ze niet nodig.")),
        ("integrity", T("Only account managers can open the CRM, and every night a backup is made.",
                        "Alleen accountmanagers kunnen het CRM openen, en elke nacht wordt een back-up gemaakt.")),
        ("control", T("A contact asks to see everything we store about her, and we show it.",
                      "Een contactpersoon vraagt alles te zien wat we over haar opslaan, en we laten het zien.")),
        ("accuracy", T("Before storing a new contact, we tell them what we record and ask their consent.",
                       "Voordat we een nieuw contact opslaan, vertellen we wat we vastleggen en vragen we "
                       "toestemming.")),
    ),
)

CUSTOMER_EQUITY = classification(
    id="customer-equity", concept="economics",
    title=T("Customer equity: which driver?", "Customer equity: welke drijfveer?"),
    prompt=T("Which driver of customer equity is this about?", "Over welke drijfveer van customer equity gaat dit?"),
    terms=(
        Term("value", T("value equity", "value equity"), T(
            "the economic, functional and psychological benefits the customer gets for the price.",
            "de economische, functionele en psychologische voordelen die de klant voor de prijs krijgt.")),
        Term("brand", T("brand equity", "brand equity"), T(
            "reliability, reputation, the feeling of being at home with the brand.",
            "betrouwbaarheid, reputatie, het gevoel thuis te zijn bij het merk.")),
        Term("relationship", T("relationship equity", "relationship equity"), T(
            "involvement, proactive information, flexibility and less risk in the relationship.",
            "betrokkenheid, proactieve informatie, flexibiliteit en minder risico in de relatie.")),
    ),
    cases=(
        ("relationship", T("Our account manager warns us before prices change and always finds a way.",
                           "Onze accountmanager waarschuwt ons voordat prijzen veranderen en vindt altijd een "
                           "oplossing.")),
        ("value", T("Their machines use less energy and cost less to maintain than any other.",
                    "Hun machines gebruiken minder energie en kosten minder onderhoud dan alle andere.")),
        ("brand", T("Nobody ever got fired for choosing this supplier: everyone knows the name.",
                    "Niemand is ooit ontslagen omdat hij deze leverancier koos: iedereen kent de naam.")),
    ),
)

PORTER_ACTIVITIES = classification(
    id="porter-activities", concept="economics",
    title=T("Porter's value chain: primary or support?", "Porters waardeketen: primair of ondersteunend?"),
    prompt=T("Is this a primary or a support activity in Porter's value chain?",
             "Is dit een primaire of een ondersteunende activiteit in de waardeketen van Porter?"),
    terms=(
        Term("primary", T("primary activity", "primaire activiteit"), T(
            "inbound logistics, operations, outbound logistics, marketing & sales, service.",
            "inkomende logistiek, operationele activiteiten, uitgaande logistiek, marketing & sales, service.")),
        Term("support", T("support activity", "ondersteunende activiteit"), T(
            "infrastructure (finance, legal, quality), HRM, technology development (R&D), procurement.",
            "infrastructuur (financiën, juridisch, kwaliteit), HRM, technologieontwikkeling (R&D), inkoop.")),
    ),
    cases=(
        ("support", T("Buying the components from suppliers (procurement).", "Het inkopen van onderdelen bij "
                                                                             "leveranciers.")),
        ("primary", T("Repairing installed systems at the customer's site.", "Geïnstalleerde systemen bij de klant "
                                                                             "repareren.")),
        ("support", T("Recruiting and training new account managers.", "Nieuwe accountmanagers werven en opleiden.")),
        ("primary", T("Shipping finished orders to customers.", "Afgewerkte orders naar klanten verzenden.")),
        ("support", T("Developing the next version of the product in the R&D lab.",
                      "De volgende versie van het product ontwikkelen in het R&D-lab.")),
    ),
)


def _method(key: str, meaning: Text) -> Term:
    """A sales approach by its model key, with the label the panels give `funnel.sales_method`; its short forms
    drop '(Sales 1.0)' and 'selling' / 'verkopen', as a student types it ('oplossingsgericht', 'strategic')."""
    spec = SPECS["funnel.sales_method"]
    labels = T(spec.choice_label(key, "en"), spec.choice_label(key, "nl"))
    short = {re.sub(r"\s*\(.*\)|\s+(selling|verkopen)$", "", label, flags=re.IGNORECASE)
             for label in (labels.en, labels.nl)}
    return Term(key, labels, meaning, tuple(sorted(short)))


SALES_APPROACHES = classification(
    id="sales-approaches", concept="funnel",
    title=T("Which sales approach?", "Welke verkoopbenadering?"),
    prompt=T("Which sales approach (verkoopbenadering) does this seller follow?",
             "Welke verkoopbenadering volgt deze verkoper?"),
    terms=(
        _method("transactional", T(
            "the traditional way: quick and low-risk, aimed at the single sale; it fits simple products.",
            "de traditionele manier: snel en met weinig risico, gericht op de losse verkoop; past bij eenvoudige "
            "producten.")),
        _method("solution", T(
            "from the customer's need to the ideal solution, worked out together with the customer (consultative).",
            "van de behoefte van de klant naar de ideale oplossing, samen met de klant uitgewerkt (consultatief).")),
        _method("strategic", T(
            "Miller-Heiman: the whole buying process of a very complex account, with everyone in the DMU.",
            "Miller-Heiman: het hele inkoopproces van een zeer complex account, met iedereen in de DMU.")),
        _method("challenger", T(
            "Dixon & Adamson: teach the customer something new, tailor it, take control and keep the tension.",
            "Dixon & Adamson: de klant iets nieuws leren, het afstemmen op de klant, de regie nemen en de "
            "spanning vasthouden.")),
        _method("customer_centric", T(
            "Bosworth: talk about the buyer's goals; questions rather than opinions, decision makers rather than "
            "users.", "Bosworth: praten over de doelen van de koper; liever vragen dan meningen, liever beslissers "
                      "dan gebruikers.")),
        _method("theory_of_constraints", T(
            "Goldratt: find the one bottleneck that holds the deal up, and solve that first.",
            "Goldratt: zoek het ene knelpunt dat de deal ophoudt, en los dat eerst op.")),
    ),
    cases=(
        ("transactional", T("A reorder of standard toner: I confirm price and delivery date by return and move on to "
                            "the next customer.", "Een nabestelling van standaardtoner: ik bevestig per omgaande prijs "
                                                  "en leverdatum en ga door naar de volgende klant.")),
        ("solution", T("I start from what the customer needs and, with their planners, design the set-up that fits "
                       "them best.", "Ik vertrek vanuit wat de klant nodig heeft en ontwerp met zijn planners de "
                                     "opzet die het best past.")),
        ("strategic", T("For this account I map the whole buying process: everyone in the DMU, their role and "
                        "their stake.", "Voor dit account breng ik het hele inkoopproces in kaart: iedereen in de "
                                        "DMU, hun rol en hun belang.")),
        ("challenger", T("I show the board an insight about their own market they had missed, and I keep pressing "
                         "until they act on it.", "Ik laat de directie een inzicht over hun eigen markt zien dat ze "
                                                  "hadden gemist, en ik blijf aandringen tot ze ermee aan de slag "
                                                  "gaan.")),
        ("customer_centric", T("I ask the buyer what they want to reach this year, and I talk with the one who "
                               "decides, not with the users.", "Ik vraag de koper wat hij dit jaar wil bereiken, "
                                                                "en ik praat met wie beslist, niet met de "
                                                                "gebruikers.")),
        ("theory_of_constraints", T("The deal waits for one thing, the customer's IT approval; I solve that first "
                                    "and leave the rest.", "De deal wacht op één ding, de goedkeuring van de "
                                                           "ICT-afdeling van de klant; dat los ik eerst op en de "
                                                           "rest laat ik liggen.")),
    ),
)

VALUE_NEEDS = classification(
    id="value-needs", concept="economics",
    title=T("Which need does the value proposition meet?", "Aan welke behoefte komt de waardepropositie tegemoet?"),
    prompt=T("Which kind of need does this argument for the offer meet?",
             "Aan welk soort behoefte komt dit argument voor het aanbod tegemoet?"),
    terms=(
        Term("economic", T("economic", "economisch"), T(
            "the cost of the product, its service and accessories: total cost of ownership (TCO), maintenance, "
            "transparent prices, no waste.",
            "de kosten van het product, de service en de toebehoren: de totale kosten over de levensduur (TCO), "
            "onderhoud, transparante prijzen, geen verspilling.")),
        Term("functional", T("functional", "functioneel"), T(
            "what the product does: ease of use, capacity, failure rate, energy use.",
            "wat het product doet: gebruiksgemak, capaciteit, storingsgevoeligheid, energieverbruik.")),
        Term("psychological", T("psychological", "psychologisch"), T(
            "how the product feels: model, colour, fashion, brand, freedom.",
            "hoe het product voelt: model, kleur, mode, merk, vrijheid.")),
    ),
    cases=(
        ("economic", T("Over its whole life the machine costs less than any other, maintenance included.",
                       "Over de hele levensduur kost de machine minder dan alle andere, onderhoud inbegrepen.")),
        ("functional", T("The new scanner handles twice as many pallets an hour and hardly ever breaks down.",
                         "De nieuwe scanner verwerkt twee keer zoveel pallets per uur en valt bijna nooit uit.")),
        ("psychological", T("Our drivers want the new model in the company colours: it shows who we are.",
                            "Onze chauffeurs willen het nieuwe model in de huiskleuren: het laat zien wie we zijn.")),
        ("economic", T("Every invoice line is explained and there are no hidden extras.",
                       "Elke factuurregel is toegelicht en er zijn geen verborgen extra kosten.")),
        ("functional", T("The screens are so simple that nobody needs a manual.",
                         "De schermen zijn zo eenvoudig dat niemand een handleiding nodig heeft.")),
        ("psychological", T("Our board likes to be seen with the brand everyone in the sector admires.",
                            "Onze directie laat zich graag zien met het merk dat iedereen in de sector bewondert.")),
    ),
)

MARKETING_TOOLS = classification(
    id="marketing-tools", concept="market",
    title=T("Marketing automation, ABM, content marketing or social selling?",
            "Marketing automation, ABM, contentmarketing of social selling?"),
    prompt=T("Which of these four is the company using here?", "Welke van deze vier gebruikt het bedrijf hier?"),
    terms=(
        Term("automation", T("marketing automation", "marketing automation"), T(
            "automatic, timely follow-up of leads at every stage of the buyer journey, from prospect to customer.",
            "automatische, tijdige opvolging van leads in elke fase van de klantreis, van prospect tot klant.")),
        Term("abm", T("account-based marketing (ABM)", "account-based marketing (ABM)"), T(
            "each key account as a market of its own: a campaign per account, a message for each member of its DMU.",
            "elk key account als een eigen markt: een campagne per account, een eigen boodschap voor elk DMU-lid.")),
        Term("content", T("content marketing", "contentmarketing"), T(
            "useful information rather than a sales pitch (guides, articles), for the right leads at the right "
            "moment, so they buy contentedly and come back; lead nurturing builds on it.",
            "nuttige informatie in plaats van een verkooppraatje (gidsen, artikelen), voor de juiste leads op het "
            "juiste moment, zodat ze tevreden kopen en terugkomen; lead nurturing bouwt erop voort.")),
        Term("social_selling", T("social selling", "social selling"), T(
            "the right person, moment and message on a social media channel; profiles show who is in the DMU.",
            "de juiste persoon, het juiste moment en de juiste boodschap op een social-mediakanaal; profielen laten "
            "zien wie er in de DMU zit.")),
    ),
    cases=(
        ("automation", T("A lead who downloads our price list gets a follow-up e-mail the next morning, without anyone "
                         "lifting a finger.", "Een lead die onze prijslijst downloadt, krijgt de volgende ochtend een "
                                              "vervolgmail, zonder dat er iemand aan te pas komt.")),
        ("abm", T("Each of our three largest accounts gets a campaign of its own, with a separate message for its "
                  "finance director, its ICT manager and its buyer.",
                  "Elk van onze drie grootste accounts krijgt een eigen campagne, met een aparte boodschap voor de "
                  "financieel directeur, de ICT-manager en de inkoper.")),
        ("content", T("Every month we publish a practical guide to cutting energy costs, written for the purchasing "
                      "managers we want to reach.", "Elke maand publiceren we een praktische gids over het verlagen "
                                                    "van energiekosten, geschreven voor de inkopers die we willen "
                                                    "bereiken.")),
        ("social_selling", T("Our account manager sees on LinkedIn that a prospect has a new purchasing manager, and "
                             "congratulates her there in a short message.",
                             "Onze accountmanager ziet op LinkedIn dat een prospect een nieuwe inkoopmanager heeft, en "
                             "feliciteert haar daar met een kort bericht.")),
        ("automation", T("When a lead fills in our contact form, the CRM sends a welcome e-mail, scores the lead and "
                         "books a call for a rep, without anyone lifting a finger.",
                         "Vult een lead ons contactformulier in, dan stuurt het CRM-systeem een welkomstmail, geeft "
                         "het de lead een score en plant het een belafspraak voor een verkoper, zonder dat er iemand "
                         "aan te pas komt.")),
    ),
)

#: Where a KPI of the kit's KPI table sits in the sales process from lead to signed order (DOMAIN.md §11.16): the
#: effort or money put in, the quality or speed of the steps in between, or the result. Only KPIs whose level a
#: student cannot argue another way: a customer's grade is the result of account management and the start of
#: next year's revenue, and the quotes sent are both a rep's effort and a stage of the pipeline, so both are left
#: out. Lesson 09 §15 lists these KPIs by level (a test holds it to this table).
KPI_LEVELS: dict[str, str] = {
    "leads_generated": "input", "visits_made": "input", "sales_cost": "input",
    "lead_to_mql": "throughput", "win_rate": "throughput", "sales_cycle_days_mean": "throughput",
    "quote_lead_time_days_mean": "throughput", "promises_kept_share": "throughput",
    "complaints_within_target_share": "throughput",
    "deals_won": "output", "new_customers": "output", "revenue": "output", "margin": "output",
}

STEERING_LEVELS = classification(
    id="steering-levels", concept="funnel",
    title=T("Input, throughput or output?", "Input, throughput of output?"),
    prompt=T("A sales manager steers the sales process, from lead to signed order, on this KPI from the kit's KPI "
             "table. What does it measure: input, throughput or output?",
             "Een salesmanager stuurt het salesproces, van lead tot getekende order, op deze KPI uit de KPI-tabel van "
             "de kit. Wat meet die KPI: input, throughput of output?"),
    terms=(
        Term("input", T("input", "input"), T(
            "what goes into the sales process: the effort, counted (appointments, visits, leads), and what it costs. "
            "Easy to count and to push up, but it says nothing about how well the work is done.",
            "wat het salesproces ingaat: de inspanning, geteld (afspraken, bezoeken, leads), en wat die kost. "
            "Makkelijk te tellen en op te voeren, maar het zegt niets over hoe goed het werk gebeurt.")),
        Term("throughput", T("throughput", "throughput"), T(
            "the quality and speed of the process itself: what share goes on from one stage to the next, how long a "
            "step takes, how often a promise is kept. The course advises to steer on it, not only on what goes in "
            "or comes out.",
            "de kwaliteit en snelheid van het proces zelf: welk deel van de ene fase doorgaat naar de volgende, hoe "
            "lang een stap duurt, hoe vaak een belofte wordt nagekomen. De cursus raadt aan hierop te sturen, niet "
            "alleen op wat erin gaat of eruit komt.")),
        Term("output", T("output", "output"), T(
            "the result that comes out of the process: orders, customers won, revenue, margin. It counts in the end, "
            "but shows late and does not say why.",
            "het resultaat dat uit het proces komt: orders, gewonnen klanten, omzet, marge. Dat telt uiteindelijk, "
            "maar het komt laat en zegt niet waarom.")),
    ),
    cases=tuple((level, T(KPI_SPECS[kpi].label("en"), KPI_SPECS[kpi].label("nl")))
                for kpi, level in KPI_LEVELS.items()),
)

def _trend(key: str, label: Text, meaning: Text, *more: str) -> Term:
    """One of Popping's trends, labelled 'from → to'; the 'to' side in either language is a short form of it."""
    return Term(key, label, meaning, (label.en.split(" → ")[1], label.nl.split(" → ")[1], *more))


CRM_TRENDS = classification(
    id="crm-trends", concept="accounts",
    title=T("Which trend?", "Welke trend?"),
    prompt=T("Which of Popping's trends (from → to) does this show?",
             "Welke trend van Popping (van → naar) laat dit zien?"),
    terms=(
        _trend("share_of_customer", T("market share → share of customer spend", "marktaandeel → klantaandeel"), T(
            "the goal is no longer a bigger part of the whole market, but a bigger part of what each customer "
            "spends in your field (share of wallet).",
            "het doel is niet meer een groter deel van de hele markt, maar een groter deel van wat elke klant in "
            "jouw vakgebied uitgeeft (share of wallet)."), "share of customer", "share of wallet"),
        _trend("relationships", T("transactions → relationships", "transacties → relaties"), T(
            "not the next single sale, but a lasting bond with the customer, worked on over the years.",
            "niet de volgende losse verkoop, maar een blijvende band met de klant, waar je jaren aan werkt.")),
        _trend("team_selling", T("account manager → team selling", "accountmanager → teamselling"), T(
            "not one account manager on their own, but several colleagues who sell to one customer together.",
            "niet één accountmanager in zijn eentje, maar meerdere collega's die samen aan één klant verkopen."),
            "teamverkoop"),
        _trend("supplier_choice", T("choosing a product → choosing a supplier",
                                    "een product kiezen → een leverancier kiezen"), T(
            "the products are alike, so the buyer weighs the supplier: its reliability, its people, its support.",
            "de producten lijken op elkaar, dus weegt de koper de leverancier: zijn betrouwbaarheid, zijn mensen, "
            "zijn ondersteuning."), "supplier choice", "leverancier kiezen"),
        _trend("no_monopoly", T("one supplier → no monopolies", "één leverancier → geen monopolies"), T(
            "the customer does not want to depend on one supplier and spreads its purchases on purpose.",
            "de klant wil niet van één leverancier afhangen en spreidt zijn inkoop bewust."),
            "no monopoly", "geen monopolie"),
        _trend("critical", T("tolerant → critical", "tolerant → kritisch"), T(
            "the customer accepts less than before: a slip is noticed, compared with others and counted.",
            "de klant accepteert minder dan vroeger: een misser valt op, wordt met anderen vergeleken en telt mee."),
            "critical customers", "kritische klanten"),
    ),
    cases=(
        ("share_of_customer", T("We no longer count our part of the market; we track how much of each hospital's "
                                "spending on lab supplies comes to us.",
                                "We tellen niet meer ons deel van de markt; we volgen hoeveel van wat elk ziekenhuis "
                                "aan laboratoriumbenodigdheden uitgeeft, bij ons terechtkomt.")),
        ("relationships", T("Instead of chasing the next order, we agree a three-year partnership with this customer, "
                            "with a review every quarter.",
                            "In plaats van achter de volgende order aan te gaan, spreken we met deze klant een "
                            "partnerschap van drie jaar af, met elk kwartaal een evaluatie.")),
        ("team_selling", T("For this account, an engineer, a service manager and the account manager visit the "
                           "customer together and plan each step as one team.",
                           "Voor dit account bezoeken een engineer, een servicemanager en de accountmanager de klant "
                           "samen, en ze plannen elke stap als één team.")),
        ("supplier_choice", T("The buyer told us all three machines are good enough; she will pick the company she "
                              "trusts to deliver on time and help when something breaks.",
                              "De inkoper vertelde ons dat alle drie de machines goed genoeg zijn; ze kiest het "
                              "bedrijf dat ze vertrouwt om op tijd te leveren en te helpen als er iets stukgaat.")),
        ("no_monopoly", T("The customer splits its orders between us and a competitor, so that it never depends on "
                          "a single supplier.",
                          "De klant verdeelt zijn orders tussen ons en een concurrent, zodat hij nooit van één "
                          "leverancier afhangt.")),
        ("critical", T("Ten years ago a late delivery was shrugged off; now the customer asks for compensation the "
                       "same day and mentions how fast our competitor delivers.",
                       "Tien jaar geleden haalde men de schouders op over een late levering; nu vraagt de klant "
                       "dezelfde dag om compensatie en noemt hij hoe snel onze concurrent levert.")),
    ),
)

EXERCISES = (SALES_GENERATIONS, CRM_FACTORS, CUSTOMER_TERMS, EXPECTATION_KINDS, CUSTOMER_DELIGHT, SPIN_QUESTIONS,
             MARKETING_SALES, GDPR, CUSTOMER_EQUITY, PORTER_ACTIVITIES, SALES_APPROACHES, VALUE_NEEDS,
             MARKETING_TOOLS, STEERING_LEVELS, CRM_TRENDS)
