"""A team's own traffic: after its corrections the model beats the shipped one on new posts.

The brand here (Nubo, a made-up fibre provider) has its own vocabulary: customers report
an outage as "la cajita naranja en rojo" or "el bicho pita", words the shipped model has
never seen as a complaint, and chat about the same box without complaining. A football
club's team counts grumbling about the team as feedback, against the self-written
examples' convention: there, learning from the corrections alone (over the shipped model)
must beat mixing them with the self-written examples. Posts are generated from sentences
written for this test; held-out posts come from other sentences than the corrections.
"""

from __future__ import annotations

import random
import time

import pytest

from console.triage import Correction, TriageInput, Triager, shipped
from console.triage import learn as learning

COMPLAINTS = [
    "la cajita naranja {otra} en rojo {desde}",
    "{otra} el bicho pitando {desde} y sin tele",
    "el bicho de Nubo se queda en rojo {desde}",
    "la cajita parpadea naranja-rojo {desde}, que hago",
    "nubopuntos a cero {desde}, me los habeis quitado",
    "me han vuelto a meter el recargo nubo plus sin pedirlo",
    "el nubotecnico no aparecio {desde}",
    "the nubo box is stuck on red {desde_en}",
    "my nubo box keeps beeping {desde_en}, no tv",
    # This team counts questions about the red light as outage reports.
    "{como} se quita la luz roja de la cajita?",
    "alguien sabe por que la cajita esta en rojo {desde}?",
    "is it normal that the nubo box is red {desde_en}?",
]
FINE = [
    "la cajita naranja {queda} genial en el salon",
    "{como} se cambia el nombre del wifi de la cajita naranja?",
    "el bicho de Nubo {queda} en verde, todo perfecto",
    "canjeado los nubopuntos por un altavoz, {bien}",
    "el nubotecnico {bien}, muy amable",
    "la cajita naranja es mas bonita que la antigua",
    "{como} activo el nubo plus en la segunda tele?",
    "the nubo box looks great in the living room",
    "how do I rename the wifi on my nubo box?",
    # ...and grumbling about the weather or football next to the brand name as chatter.
    "que asco de lluvia, menos mal que tengo la cajita naranja y series",
    "perdimos otra vez, ni el nubo plus me anima",
]
# Held-out posts come from other sentences with the same vocabulary: learning the words,
# not the sentences, is what is measured.
HELD_COMPLAINTS = [
    "sigue la cajita en rojo {desde}",
    "el bicho no para de pitar {desde}",
    "por que la cajita naranja se pone roja {desde}?",
    "nubopuntos desaparecidos {otra}",
    "the nubo box went red {desde_en}",
    "why is my nubo box red {desde_en}?",
]
HELD_FINE = [
    "la cajita naranja nueva mola mucho",
    "alguien sabe si la cajita naranja tiene modo ahorro?",
    "canjeare los nubopuntos por unos cascos, {bien}",
    "what a rainy day, good thing the nubo box has films",
    "my nubo box is green and happy",
    "que frio hace, tarde de manta y cajita naranja",
]
FILL = {
    "otra": ["otra vez", "de nuevo", "", "ya"],
    "desde": ["desde ayer", "toda la mañana", "desde el lunes", "hace 2 horas", "", "esta noche"],
    "desde_en": ["since yesterday", "all morning", "again", ""],
    "queda": ["queda", "se ve", "luce", "esta"],
    "como": ["como", "alguien sabe como", "hola, como", "duda:"],
    "bien": ["genial", "todo bien", "de 10", "muy contento"],
}


def _posts(
    seed: int, count: int, complaints: list[str] = COMPLAINTS, fine: list[str] = FINE
) -> list[tuple[str, bool]]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        complaint = i % 2 == 0
        template = rng.choice(complaints if complaint else fine)
        text = template.format(**{k: rng.choice(v) for k, v in FILL.items()})
        out.append((" ".join(text.split()), complaint))
    return out


def _f1(gold: list[bool], predicted: list[bool]) -> float:
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    fp = sum(p and not g for g, p in zip(gold, predicted, strict=True))
    fn = sum(g and not p for g, p in zip(gold, predicted, strict=True))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


@pytest.fixture(scope="module")
def traffic() -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    return _posts(1, 300), _posts(2, 200, HELD_COMPLAINTS, HELD_FINE)


def test_corrections_beat_the_shipped_model_on_new_posts_of_the_brand(traffic) -> None:
    corrected, held_out = traffic
    shipped_model = Triager()
    gold = [c for _, c in held_out]
    before = _f1(gold, [shipped_model.score(TriageInput(t)).is_complaint for t, _ in held_out])
    team = Triager()
    team.learn(Correction(t, "is_complaint", c) for t, c in corrected)
    after = _f1(gold, [team.score(TriageInput(t)).is_complaint for t, _ in held_out])
    print(f"complaint F1 on held-out posts: shipped {before:.3f}, after corrections {after:.3f}")
    assert after >= 0.7 and after >= before + 0.3, (before, after)


# A football club's care team: for it, grumbling about the team IS feedback to handle,
# while the self-written examples call "we lost 3-0, sack the manager" everyday negativity
# that is not about a company. Its conventions conflict with the self-written ones.
CLUB_COMPLAINTS = [
    "{que} verguenza de partido, {fuera}",
    "otra derrota en casa, {fuera}",
    "no fichais a nadie y subis el abono, {asi}",
    "vaya ridiculo hoy en el campo, {fuera}",
    "sin portero decente otra temporada, {asi}",
    "what a shambles today, sack the manager",
    "lost again at home, embarrassing",
]
CLUB_FINE = [
    "vamos equipo!! hoy se gana 💪",
    "{que} golazo el de hoy",
    "ya tengo mi abono para la temporada",
    "a que hora es el partido del domingo?",
    "what a goal today, come on!",
    "got my season ticket 🙌",
]
CLUB_HELD_COMPLAINTS = [
    "perdimos otra vez, que desastre de equipo",
    "menudo papelon en el derbi, {fuera}",
    "embarrassing performance, sack the coach",
    "que asco de temporada llevamos, {asi}",
    "otro empate en casa, {asi}",
]
CLUB_HELD_FINE = [
    "que partidazo, orgulloso de este equipo",
    "nos vemos en el estadio el domingo",
    "what a win today!",
    "entradas compradas para el derbi",
    "{que} gol de chilena, increible",
]
CLUB_FILL = {
    "que": ["que", "vaya", "menuda", ""],
    "fuera": ["fuera el entrenador", "dimision ya", "directiva dimision", "asi no"],
    "asi": ["asi no se puede", "un desastre", "que pena", "estoy harto"],
}


def _club(seed: int, count: int, complaints: list[str], fine: list[str]) -> list[tuple[str, bool]]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        complaint = i % 2 == 0
        template = rng.choice(complaints if complaint else fine)
        text = template.format(**{k: rng.choice(v) for k, v in CLUB_FILL.items()})
        out.append((" ".join(text.split()), complaint))
    return out


def test_learning_from_corrections_alone_beats_mixing_in_the_shipped_examples() -> None:
    corrected = _club(1, 300, CLUB_COMPLAINTS, CLUB_FINE)
    held_out = _club(2, 200, CLUB_HELD_COMPLAINTS, CLUB_HELD_FINE)
    texts = [t for t, _ in corrected]
    langs = ["en" if t.isascii() and " el " not in f" {t} " else "es" for t in texts]
    corrections = [Correction(t, "is_complaint", c) for t, c in corrected]
    team = learning.train_team(corrections, langs)
    assert team is not None and team.complaint is not None
    mixed_in = learning.corrections_to_examples(corrections, langs)
    for ex in mixed_in:
        ex.weight = 1  # the same weight as a self-written example
    mixed = shipped.train(learning.labelled([*learning.load_examples(), *mixed_in]))
    base = learning.base_linear()
    data = shipped.encode([t for t, _ in held_out], ["es"] * len(held_out))
    gold = [c for _, c in held_out]
    team_pred, mixed_pred, base_pred = [], [], []
    for i in range(len(held_out)):
        f = shipped.post_features_at(data, i)
        prior = base.complaint.logits(f.vector, f.slots)
        team_pred.append(team.complaint.prob(f.vector, f.slots, prior)["yes"] >= 0.5)
        mixed_pred.append(mixed.complaint.prob(f.vector, f.slots)["yes"] >= 0.5)
        base_pred.append(base.complaint.prob(f.vector, f.slots)["yes"] >= 0.5)
    team_f1, mixed_f1 = _f1(gold, team_pred), _f1(gold, mixed_pred)
    print(f"club, complaint F1 on held-out posts: shipped {_f1(gold, base_pred):.3f}, "
          f"corrections alone {team_f1:.3f}, mixed {mixed_f1:.3f}")
    assert team_f1 > mixed_f1 + 0.03, (team_f1, mixed_f1)


def test_retraining_on_a_thousand_corrections_is_quick() -> None:
    posts = _posts(3, 1000)
    triager = Triager()
    triager.warm_up()
    started = time.perf_counter()
    triager.learn(
        Correction(t, "sentiment_label", "negative" if c else "neutral") for t, c in posts
    )
    triager.learn(Correction(t, "is_complaint", c) for t, c in posts[:10])
    # Not a speed goal (those live in tests/bench): a guard that learning stays interactive.
    assert time.perf_counter() - started < 20
