"""The vocabulary, once: namespaces, prefixes, the ontology's classes and relations, the
home country and the one slug function. Everything else imports these from here; a test
checks them against ``ontology/kotamitra.ttl`` both ways.

>>> KM.partnersWith
rdflib.term.URIRef('https://w3id.org/kotamitra/ontology#partnersWith')
>>> slugify("Kota Jambi")
'kota-jambi'
"""

from __future__ import annotations

import re
import unicodedata

from rdflib import RDF, RDFS, XSD, Graph, Namespace, URIRef
from rdflib.namespace import OWL, PROV, SKOS, DefinedNamespace

#: The slug of the country whose local governments the graph is about.
HOME_COUNTRY = "indonesia"

KMR = Namespace("https://w3id.org/kotamitra/id/")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")


class KM(DefinedNamespace):
    """The kotamitra ontology. Closed: a misspelt term raises instead of minting an IRI."""

    _NS = Namespace("https://w3id.org/kotamitra/ontology#")
    _fail = True

    # classes
    LocalGovernment: URIRef
    CityGovernment: URIRef
    RegencyGovernment: URIRef
    ProvincialGovernment: URIRef
    Country: URIRef
    Organization: URIRef
    InternationalOrganization: URIRef
    Person: URIRef
    Programme: URIRef
    Activity: URIRef
    Training: URIRef
    Visit: URIRef
    Meeting: URIRef
    Signing: URIRef
    Exchange: URIRef
    Agreement: URIRef
    Policy: URIRef
    Claim: URIRef
    Participation: URIRef
    Partnership: URIRef
    Statement: URIRef
    Evidence: URIRef
    # direct relations
    partnersWith: URIRef
    participatesIn: URIRef
    organizedBy: URIRef
    fundedBy: URIRef
    sendsDelegationTo: URIRef
    memberOf: URIRef
    headOf: URIRef
    deputyHeadOf: URIRef
    implementsPolicy: URIRef
    initiatedBy: URIRef
    # qualified, activity and provenance terms
    partOf: URIRef
    participant: URIRef
    programme: URIRef
    partner: URIRef
    location: URIRef
    startDate: URIRef
    endDate: URIRef
    participantCount: URIRef
    theme: URIRef
    since: URIRef
    status: URIRef
    quantity: URIRef
    unit: URIRef
    about: URIRef
    approximate: URIRef
    concerns: URIRef
    saidBy: URIRef
    evidence: URIRef
    text: URIRef
    sentenceIndex: URIRef
    country: URIRef
    kemendagriCode: URIRef
    sourceFile: URIRef
    kind: URIRef
    # the resolved layer (graph/resolve/, graph/rdf/resolved.py)
    PartnershipReport: URIRef
    ParticipationReport: URIRef
    ActivityReport: URIRef
    AgreementReport: URIRef
    ValueChoice: URIRef
    ReportedValue: URIRef
    LifecycleStep: URIRef
    activityType: URIRef
    agreementKind: URIRef
    party: URIRef
    signatory: URIRef
    signedOn: URIRef
    signedAt: URIRef
    validYears: URIRef
    scope: URIRef
    partnership: URIRef
    report: URIRef
    reportCount: URIRef
    statement: URIRef
    agreement: URIRef
    activity: URIRef
    lifecycleStage: URIRef
    historyStep: URIRef
    stage: URIRef
    order: URIRef
    basis: URIRef
    date: URIRef
    source: URIRef
    sourceKind: URIRef
    provenance: URIRef
    sourceCount: URIRef
    valueChoice: URIRef
    property: URIRef
    chosenValue: URIRef
    rule: URIRef
    alternative: URIRef
    value: URIRef
    asOf: URIRef
    dormantAfterYears: URIRef


PREFIXES: dict[str, str] = {
    "km": str(KM._NS),
    "kmr": str(KMR),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "wd": str(WD),
}
#: The classes of entities (not of activities, statements or qualified nodes).
ENTITY_CLASSES = (
    "LocalGovernment",
    "CityGovernment",
    "RegencyGovernment",
    "ProvincialGovernment",
    "Country",
    "Organization",
    "InternationalOrganization",
    "Person",
    "Programme",
    "Agreement",
    "Policy",
)


#: The direct ("truthy") relations between entities, as in the contract.
DIRECT_RELATIONS = (
    "partnersWith",
    "participatesIn",
    "organizedBy",
    "fundedBy",
    "sendsDelegationTo",
    "memberOf",
    "headOf",
    "deputyHeadOf",
    "implementsPolicy",
    "initiatedBy",
)


def bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)


#: The subclasses of local government.
LOCAL_GOVERNMENT_CLASSES = ("CityGovernment", "RegencyGovernment", "ProvincialGovernment")


def slugify(text: str, max_len: int = 80) -> str:
    """ASCII slug: ``"Kota Jambi"`` → ``"kota-jambi"``; the IRIs of ``kmr:`` are these.

    >>> slugify("Maxime Prévot")
    'maxime-prevot'
    >>> slugify("UCLG ASPAC (Asia-Pacific)")
    'uclg-aspac-asia-pacific'
    """
    norm = unicodedata.normalize("NFKD", text)
    ascii_text = norm.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:max_len].rstrip("-") or "x"
