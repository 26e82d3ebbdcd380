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
    Membership: URIRef
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
    member: URIRef
    organization: URIRef
    partner: URIRef
    location: URIRef
    startDate: URIRef
    # first days of dates of any precision, materialised for typed comparisons
    sinceFirstDay: URIRef
    startFirstDay: URIRef
    endFirstDay: URIRef
    publishedFirstDay: URIRef
    endDate: URIRef
    participantCount: URIRef
    ledBy: URIRef
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
    # network metrics (graph.network.output writes them into kmr:graph/metrics)
    ActorMetrics: URIRef
    NetworkMetrics: URIRef
    metricsOf: URIRef
    inNetwork: URIRef
    year: URIRef
    method: URIRef
    partnerCount: URIRef
    partnerCountryCount: URIRef
    activityCount: URIRef
    delegationsSent: URIRef
    delegationsReceived: URIRef
    peopleSent: URIRef
    firstYear: URIRef
    lastYear: URIRef
    degree: URIRef
    weightedDegree: URIRef
    betweenness: URIRef
    pagerank: URIRef
    eigenvectorCentrality: URIRef
    community: URIRef
    partnerTopCountryShare: URIRef
    partnerCountryEntropy: URIRef
    activityTopCountryShare: URIRef
    activityCountryEntropy: URIRef
    nodeCount: URIRef
    edgeCount: URIRef
    density: URIRef
    componentCount: URIRef
    largestComponentSize: URIRef
    communityCount: URIRef
    modularity: URIRef
    newPartnerships: URIRef
    cumulativePartnerships: URIRef
    cumulativeActivities: URIRef
    cumulativePeopleSent: URIRef
    # the resolved layer (graph/resolve/, graph/rdf/resolved.py)
    Report: URIRef
    PartnershipReport: URIRef
    ParticipationReport: URIRef
    MembershipReport: URIRef
    ActivityReport: URIRef
    AgreementReport: URIRef
    ValueChoice: URIRef
    ReportedValue: URIRef
    LifecycleStep: URIRef
    ResolvedStatement: URIRef
    YearCount: URIRef
    activityType: URIRef
    agreementKind: URIRef
    party: URIRef
    signatory: URIRef
    signedOn: URIRef
    signedAt: URIRef
    validYears: URIRef
    expiredOn: URIRef
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
    firstSource: URIRef
    factSubject: URIRef
    factPredicate: URIRef
    factObject: URIRef
    yearCount: URIRef
    reportYear: URIRef
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
#: the qualified nodes standing for one direct relation: their class, the predicates that
#: link them to the relation's subject and object, and the relation
QUALIFIED_ENDS: dict[str, tuple[URIRef, URIRef, str]] = {
    "Participation": (KM.participant, KM.programme, "participatesIn"),
    "Membership": (KM.member, KM.organization, "memberOf"),
}

LOCAL_GOVERNMENT_CLASSES = ("CityGovernment", "RegencyGovernment", "ProvincialGovernment")
#: Organisations: the class and its subclass.
ORGANIZATION_CLASSES = ("Organization", "InternationalOrganization")
#: Activities: the class and its subclasses.
ACTIVITY_CLASSES = ("Activity", "Training", "Visit", "Meeting", "Signing", "Exchange")
#: The classes of the nodes of the actor network: entities but people, policies, agreements.
ACTOR_CLASSES = tuple(c for c in ENTITY_CLASSES if c not in {"Person", "Policy", "Agreement"})
#: The classes of the metrics graph (``kmr:graph/metrics``).
METRICS_CLASSES = ("ActorMetrics", "NetworkMetrics")
#: Each class that has subclasses, with the class itself and all its subclasses.
SUBCLASSES: dict[str, tuple[str, ...]] = {
    "LocalGovernment": ("LocalGovernment", *LOCAL_GOVERNMENT_CLASSES),
    "Organization": ORGANIZATION_CLASSES,
    "Activity": ACTIVITY_CLASSES,
}
#: Classes of the resolved layer (graph/resolve/, graph/rdf/resolved.py).
RESOLVED_CLASSES = (
    "Report",
    "PartnershipReport",
    "ParticipationReport",
    "MembershipReport",
    "ActivityReport",
    "AgreementReport",
    "ValueChoice",
    "ReportedValue",
    "LifecycleStep",
    "ResolvedStatement",
    "YearCount",
)
#: Every class of the ontology.
CLASSES = (
    *ENTITY_CLASSES,
    *ACTIVITY_CLASSES,
    "Claim",
    "Participation",
    "Membership",
    "Partnership",
    "Statement",
    "Evidence",
    *METRICS_CLASSES,
    *RESOLVED_CLASSES,
)
#: Every term of the ``km:`` namespace that is a property (all but the classes).
PROPERTIES = tuple(t for t in KM.__annotations__ if t not in CLASSES)


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
