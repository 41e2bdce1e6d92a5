"""Privacy (AVG): the retention period for former members, anonymised persons (keeping
only their birth year), and the processing register with a sensible first version.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SECURITY = (
    "Het bestand staat op de computer van een bestuurslid, die met een wachtwoord is "
    "beveiligd. Alleen bestuursleden werken ermee; het programma laat één persoon tegelijk "
    "wijzigen en houdt een logboek bij van elke wijziging. Reservekopieën worden met het "
    "programma gemaakt, desgewenst versleuteld."
)
# (name, purpose, legal basis, data subjects, data categories, recipients, retention):
# a first version for an amateur-arts association; the board adapts it to its own.
ACTIVITIES = (
    (
        "Ledenadministratie",
        "Bijhouden wie lid is; leden uitnodigen voor repetities, uitvoeringen en de "
        "ledenvergadering; contact met leden.",
        "Uitvoering van de overeenkomst (het lidmaatschap)",
        "Leden en oud-leden; ouders of verzorgers van jeugdleden",
        "Naam, adres, telefoonnummer, e-mailadres, geboortedatum, lidnummer, sectie, soort "
        "lid, lidmaatschapsperiodes, bestuursfuncties, contactpersoon voor noodgevallen",
        "Het bestuur; de dirigent en sectieleiders alleen naam en sectie",
        "Gegevens van oud-leden worden na de bewaartermijn geanonimiseerd.",
    ),
    (
        "Contributie en incasso",
        "Contributie vaststellen en innen, ook met automatische incasso; kortingen zoals "
        "voor huishoudens en Ooievaarspashouders toepassen.",
        "Uitvoering van de overeenkomst; wettelijke plicht (administratie)",
        "Leden; betalers van een huishouden",
        "Naam, adres, IBAN, machtiging voor incasso, contributie en betalingen, Ooievaarspas",
        "De penningmeester; de bank (het incassobestand); de kascommissie",
        "Financiële gegevens 7 jaar (fiscale bewaarplicht).",
    ),
    (
        "Nieuwsbrief",
        "Leden en oud-leden op de hoogte houden van concerten en activiteiten.",
        "Toestemming",
        "Leden en oud-leden die toestemming gaven",
        "Naam en e-mailadres",
        "De secretaris of de PR-commissie",
        "Tot de toestemming wordt ingetrokken.",
    ),
    (
        "Foto's en video",
        "Uitvoeringen en activiteiten laten zien op de website, in programmaboekjes en op "
        "sociale media.",
        "Toestemming (voor leden onder 16 jaar van een ouder of verzorger)",
        "Leden die toestemming gaven",
        "Foto's en video-opnamen",
        "De PR-commissie; bezoekers van de website en sociale media",
        "Tot de toestemming wordt ingetrokken.",
    ),
    (
        "Subsidieaanvragen",
        "Subsidie aanvragen en verantwoorden bij de gemeente en fondsen.",
        "Gerechtvaardigd belang",
        "Leden",
        "Alleen aantallen: leden per leeftijdsgroep en woonplaats, Ooievaarspashouders",
        "Het bestuur; de gemeente en fondsen (alleen aantallen)",
        "7 jaar, zoals de subsidieverlener vraagt.",
    ),
)


def upgrade() -> None:
    with op.batch_alter_table("association") as batch:
        batch.add_column(
            sa.Column("retention_years", sa.Integer(), server_default="2", nullable=False)
        )
    with op.batch_alter_table("persons") as batch:
        batch.add_column(sa.Column("anonymised_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("birth_year", sa.Integer(), nullable=True))
    activities = op.create_table(
        "processing_activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("legal_basis", sa.String(length=200), nullable=False),
        sa.Column("data_subjects", sa.Text(), nullable=False),
        sa.Column("data_categories", sa.Text(), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("retention", sa.Text(), nullable=False),
        sa.Column("security", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_processing_activities")),
    )
    op.bulk_insert(
        activities,
        [
            {
                "name": name,
                "purpose": purpose,
                "legal_basis": basis,
                "data_subjects": subjects,
                "data_categories": categories,
                "recipients": recipients,
                "retention": retention,
                "security": SECURITY,
                "sort_order": order,
            }
            for order, (name, purpose, basis, subjects, categories, recipients, retention) in (
                enumerate(ACTIVITIES)
            )
        ],
    )


def downgrade() -> None:
    op.drop_table("processing_activities")
    with op.batch_alter_table("persons") as batch:
        batch.drop_column("birth_year")
        batch.drop_column("anonymised_on")
    with op.batch_alter_table("association") as batch:
        batch.drop_column("retention_years")
