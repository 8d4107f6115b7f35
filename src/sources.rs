//! Every source a rule rests on, declared once, with its reliability and the
//! Länder it speaks for. A leaf module: rules refer to these constants.
//!
//! A source without Länder is nationwide (Verwaltungsvereinbarung, DSGVO,
//! Grundgesetz, KMK, federal pages) and is cited in every Land. A Land's page is
//! cited only for plans of that Land.

use serde::{Deserialize, Serialize};

use crate::model::Land;

/// Verlässlichkeit einer Quelle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Verlaesslichkeit {
    /// Amtlich: Bund, Land, Ministerium, Rechtsportal, Förderbank.
    #[serde(rename = "amtlich")]
    Amtlich,
    /// Presse oder Nachrichtenagentur.
    #[serde(rename = "Presse")]
    Presse,
    /// Sekundär: Anbieter, Blogs, Beratung.
    #[serde(rename = "sekundär")]
    Sekundaer,
}

impl Verlaesslichkeit {
    /// The German word.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Amtlich => "amtlich",
            Self::Presse => "Presse",
            Self::Sekundaer => "sekundär",
        }
    }
}

/// A source a rule rests on.
#[derive(Clone, Copy, Debug, Serialize, schemars::JsonSchema)]
pub struct Quelle {
    /// Short title of the document.
    pub titel: &'static str,
    /// URL.
    pub url: &'static str,
    /// Reliability.
    pub verlaesslichkeit: Verlaesslichkeit,
    /// The Länder the source speaks for; empty for a nationwide source.
    #[serde(skip_serializing_if = "<[Land]>::is_empty")]
    pub laender: &'static [Land],
}

impl Quelle {
    /// Whether the source is cited for plans of this Land (`None`: listing without a Land, every source).
    #[must_use]
    pub fn applies_to(&self, land: Option<Land>) -> bool {
        self.laender.is_empty() || land.is_none_or(|l| self.laender.contains(&l))
    }

    /// Whether the source speaks for every Land.
    #[must_use]
    pub fn nationwide(&self) -> bool {
        self.laender.is_empty()
    }
}

use Verlaesslichkeit::{Amtlich, Sekundaer};

const fn nationwide(titel: &'static str, url: &'static str, verlaesslichkeit: Verlaesslichkeit) -> Quelle {
    Quelle { titel, url, verlaesslichkeit, laender: &[] }
}

const fn land(laender: &'static [Land], titel: &'static str, url: &'static str, verlaesslichkeit: Verlaesslichkeit) -> Quelle {
    Quelle { titel, url, verlaesslichkeit, laender }
}

// --- Nationwide: Bund, EU, KMK -------------------------------------------------------------

/// Verwaltungsvereinbarung DigitalPakt Schule 2019 bis 2024 (§ 3 Fördergegenstände, § 6 Abs. 3 Betrieb und Support).
pub const VV_2019: Quelle = nationwide(
    "Verwaltungsvereinbarung DigitalPakt Schule 2019 bis 2024 (im Wortlaut): § 3 Fördergegenstände, § 6 Abs. 3 Wartung, Betrieb und IT-Support",
    "https://digitalpaktschule.de/de/im-wortlaut-die-verwaltungsvereinbarung-1709.html",
    Amtlich,
);
/// Art. 104c GG: Finanzhilfen nur für Investitionen.
pub const GG_104C: Quelle = nationwide(
    "Grundgesetz Art. 104c: Finanzhilfen des Bundes für Investitionen",
    "https://www.gesetze-im-internet.de/gg/art_104c.html",
    Amtlich,
);
/// digitalpaktschule.de: the Länder check concepts for operation, support and maintenance.
pub const DPS_TRAEGER: Quelle = nationwide(
    "digitalpaktschule.de: Länder regeln die Einzelheiten und prüfen Konzepte der Schulträger für Betrieb, Support und Wartung",
    "https://digitalpaktschule.de/de/schultraeger-1704.html",
    Amtlich,
);
/// digitalpaktschule.de: no funding without qualification.
pub const DPS_QUALI: Quelle = nationwide(
    "digitalpaktschule.de: „Keine Förderung ohne Qualifizierung und ohne pädagogisches Konzept“",
    "https://digitalpaktschule.de/de/schuelerinnen-und-schueler-1734.html",
    Amtlich,
);
/// Bundestag hib: running projects financed until the end of 2025.
pub const HIB_2024: Quelle = nationwide(
    "Bundestag, hib: laufende Vorhaben bis Ende 2025 finanziert",
    "https://www.bundestag.de/presse/hib/kurzmeldungen-992642",
    Amtlich,
);
/// SN: the Land's release on the agreement of DigitalPakt 2.0, naming IT maintenance in its scope.
pub const SN_DP2: Quelle = nationwide(
    "Sächsisches Staatsministerium für Kultus zum DigitalPakt 2.0 (18.12.2025): „vom WLAN über Notebooks bis zu Fragen der IT-Wartung“",
    "https://medienservice.sachsen.de/medien/news/1093510",
    Amtlich,
);
/// KMK strategy 2016.
pub const KMK: Quelle = nationwide(
    "KMK-Strategie „Bildung in der digitalen Welt“ (2016), Kompetenzen in der digitalen Welt",
    "https://www.kmk.org/fileadmin/Dateien/pdf/PresseUndAktuelles/2016/Bildung_digitale_Welt_Webversion.pdf",
    Amtlich,
);
/// DSGVO Art. 6–8: lawfulness, consent, consent of children.
pub const DSGVO_ART_6_8: Quelle = nationwide(
    "Datenschutz-Grundverordnung Art. 6 bis 8: Rechtmäßigkeit, Einwilligung, Einwilligung eines Kindes",
    "https://eur-lex.europa.eu/eli/reg/2016/679/oj/deu#art_8",
    Amtlich,
);
/// DSGVO Art. 28: processor contract.
pub const DSGVO_ART_28: Quelle = nationwide(
    "Datenschutz-Grundverordnung Art. 28: Auftragsverarbeiter",
    "https://eur-lex.europa.eu/eli/reg/2016/679/oj/deu#art_28",
    Amtlich,
);
/// DSGVO Art. 30: records of processing.
pub const DSGVO_ART_30: Quelle = nationwide(
    "Datenschutz-Grundverordnung Art. 30: Verzeichnis von Verarbeitungstätigkeiten",
    "https://eur-lex.europa.eu/eli/reg/2016/679/oj/deu#art_30",
    Amtlich,
);
/// DSGVO Art. 35: impact assessment.
pub const DSGVO_ART_35: Quelle = nationwide(
    "Datenschutz-Grundverordnung Art. 35: Datenschutz-Folgenabschätzung",
    "https://eur-lex.europa.eu/eli/reg/2016/679/oj/deu#art_35",
    Amtlich,
);
/// DSGVO Art. 37: designation of the officer.
pub const DSGVO_ART_37: Quelle = nationwide(
    "Datenschutz-Grundverordnung Art. 37: Benennung einer oder eines Datenschutzbeauftragten",
    "https://eur-lex.europa.eu/eli/reg/2016/679/oj/deu#art_37",
    Amtlich,
);
/// DSGVO Art. 38: position of the officer (conflict of interest, Abs. 6).
pub const DSGVO_ART_38: Quelle = nationwide(
    "Datenschutz-Grundverordnung Art. 38 Abs. 6: keine Interessenkonflikte der oder des Datenschutzbeauftragten",
    "https://eur-lex.europa.eu/eli/reg/2016/679/oj/deu#art_38",
    Amtlich,
);
/// DSGVO Art. 44 ff.: transfers to third countries.
pub const DSGVO_ART_44: Quelle = nationwide(
    "Datenschutz-Grundverordnung Art. 44 ff.: Übermittlung in Drittländer",
    "https://eur-lex.europa.eu/eli/reg/2016/679/oj/deu#art_44",
    Amtlich,
);
/// EU Commission: adequacy decisions.
pub const ADEQUACY: Quelle = nationwide(
    "EU-Kommission: Angemessenheitsbeschlüsse nach Art. 45 DSGVO",
    "https://commission.europa.eu/law/law-topic/data-protection/international-dimension-data-protection/adequacy-decisions_en",
    Amtlich,
);
/// DSK on Microsoft 365 (as reported).
pub const DSK_MS365: Quelle = nationwide(
    "Festlegung der Datenschutzkonferenz vom 24./25.11.2022 zu Microsoft 365 (Wiedergabe)",
    "https://news.datenschutz-schule.info/2022/11/28/warum-die-datenschutzkonferenz-ms365-in-schulen-nicht-fuer-nutzbar-haelt",
    Sekundaer,
);
/// kommunal-edv.de on Microsoft 365.
pub const KOMMUNAL_EDV: Quelle = nationwide(
    "kommunal-edv.de: Microsoft 365 bleibt weiter ein No-Go (14.12.2022)",
    "https://www.kommunal-edv.de/2022/12/14/microsoft-365-bleibt-weiter-ein-no-go/",
    Sekundaer,
);

// --- Länder --------------------------------------------------------------------------------

/// BW: LMZ criteria for a MEP.
pub const LMZ_BW: Quelle = land(
    &[Land::Bw],
    "Landesmedienzentrum Baden-Württemberg: Kriterien und Freigabeempfehlung für Medienentwicklungspläne",
    "https://www.lmz-bw.de/angebote/digitalpakt-schule/digitalpakt-2019-2024/kriterien-und-freigabeempfehlung",
    Amtlich,
);
/// BW: L-Bank, MEP with Freigabeempfehlung per school.
pub const L_BANK: Quelle = land(
    &[Land::Bw],
    "L-Bank: DigitalPakt Schule – Medienentwicklungsplan mit Freigabeempfehlung je Schule",
    "https://www.l-bank.de/produkte/finanzhilfen/digitalpakt.html",
    Amtlich,
);
/// BW: cloud services.
pub const KULTUS_BW: Quelle = land(
    &[Land::Bw],
    "Kultusministerium Baden-Württemberg: cloudbasierte Dienste",
    "https://it.kultus-bw.de/,Lde/Startseite/IT-Sicherheit/Cloudbasierte_Dienste",
    Amtlich,
);
/// BY: dBIR Nr. 2, the Fördergegenstände of VV § 3 mirrored 1:1.
pub const DBIR: Quelle = land(
    &[Land::By],
    "Richtlinie digitale Bildungsinfrastruktur (dBIR) Bayern, Nr. 2 – Fördergegenstände nach § 3 VV",
    "https://www.gesetze-bayern.de/Content/Document/BayVV_2230_1_1_1_2_4_K_12476-1",
    Amtlich,
);
/// BY: dBIR Nr. 4, start date and Zweckbindung.
pub const DBIR_4: Quelle = land(
    &[Land::By],
    "dBIR Bayern Nr. 4: kein Maßnahmenbeginn vor dem 17.05.2019; Zweckbindung 5 Jahre, Vernetzung 10 Jahre, mobile Endgeräte 3 Jahre",
    "https://www.gesetze-bayern.de/Content/Document/BayVV_2230_1_1_1_2_4_K_10546-3",
    Amtlich,
);
/// BY: dBIR, Höchstbetrag per Träger.
pub const BY_DBIR_BUDGET: Quelle = land(
    &[Land::By],
    "Bayern, Richtlinie digitale Bildungsinfrastruktur (dBIR): Höchstbetrag je Schulaufwandsträger",
    "https://www.bayernportal.de/dokumente/leistung/8109063914101",
    Amtlich,
);
/// BY: Medienkonzeptarbeit.
pub const KM_BY: Quelle = land(
    &[Land::By],
    "Bayerisches Kultusministerium: Medienkonzeptarbeit (Mediencurriculum, Fortbildungsplanung, Ausstattungsplan)",
    "https://km.bayern.de/gestalten/digitalisierung/unterrichten-in-der-digitalen-welt/medienkonzeptarbeit",
    Amtlich,
);
/// BY: competence framework.
pub const BY_KR: Quelle = land(
    &[Land::By],
    "Kompetenzrahmen zur Medienbildung an bayerischen Schulen",
    "https://www.mebis.bayern.de/medienkonzepte/leitfaden/unterstuetzung/kompetenzrahmen-zur-medienbildung/",
    Amtlich,
);
/// BY: Vollzugsbekanntmachung Datenschutz, Nr. 7.
pub const BY_VOLLZBEK: Quelle = land(
    &[Land::By],
    "Bayern, Vollzugsbekanntmachung Datenschutz an Schulen vom 14.07.2022, Nr. 7 (Auftragsverarbeitung)",
    "https://www.verkuendung-bayern.de/baymbl/2022-435/",
    Amtlich,
);
/// BY: Jugendschutz.
pub const BY_JUGENDSCHUTZ: Quelle = land(
    &[Land::By],
    "Bayern, Bekanntmachung „Schulische IT-Infrastruktur und Internetzugang“ vom 14.07.2022, Nr. 5 Jugendschutz",
    "https://www.verkuendung-bayern.de/baymbl/2022-436/",
    Amtlich,
);
/// BB: RL conditions for devices (as restated by a vendor).
pub const BB_RL: Quelle = land(
    &[Land::Bb],
    "Förderrichtlinie Brandenburg, Bedingungen für mobile Endgeräte (Wiedergabe)",
    "https://www.smarttech.com/de-DE/digital-pakt/brandenburg",
    Sekundaer,
);
/// HB: application package, Anlagen A–C.
pub const BREMEN: Quelle = land(
    &[Land::Hb],
    "Bremen: Förderung für digitale Bildungsinfrastruktur beantragen (Anlagen A–C, tabellarische Einsatzkonzepte)",
    "https://www.service.bremen.de/foerderung-fuer-digitale-bildungsinfrastruktur-an-schulen-beantragen-185297",
    Amtlich,
);
/// HE: FAQ, 25 % Land and Schulträger together.
pub const HESSEN: Quelle = land(
    &[Land::He],
    "Hessen, Häufig gestellte Fragen zum DigitalPakt: Land und Schulträger zusammen 25 %",
    "https://digitale-schule.hessen.de/digitale-infrastruktur-und-verwaltung/digitalpakt/haeufig-gestellte-fragen",
    Amtlich,
);
/// MV: FAQ.
pub const MV_FAQ: Quelle = land(
    &[Land::Mv],
    "FAQ DigitalPakt Mecklenburg-Vorpommern: mobile Endgeräte, Obergrenzen kumulativ",
    "https://www.bildung-mv.de/schule-digital/digitalpakt-schule/faq/index.html?p1=l2",
    Amtlich,
);
/// NI: MBK with training plan.
pub const NI_PORTAL: Quelle = land(
    &[Land::Ni],
    "Bildungsportal Niedersachsen: Medienbildungskonzept mit bedarfsgerechter Fortbildungsplanung",
    "https://bildungsportal-niedersachsen.de/digitale-welt/digitalpakt-schule",
    Amtlich,
);
/// NI: data-protection officers of schools.
pub const NI_DSB: Quelle = land(
    &[Land::Ni],
    "Bildungsportal Niedersachsen: Datenschutzbeauftragte der Schulen",
    "https://bildungsportal-niedersachsen.de/schulorganisation/datenschutz-an-schulen/dsgvo-an-schulen-und-studienseminaren/1-datenschutzbeauftragte-der-schulen",
    Amtlich,
);
/// NI: LfD on tablets.
pub const NI_TABLETS: Quelle = land(
    &[Land::Ni],
    "LfD Niedersachsen: Eckpunkte für einen datenschutzkonformen Einsatz von Tablets im Schulunterricht",
    "https://datenschutz.nibis.de/2018/11/09/eckpunkte-fuer-einen-datenschutzkonformen-einsatz-von-tablets-im-schulunterricht",
    Amtlich,
);
/// NI: LfD on learning platforms.
pub const NI_LERNPLATTFORMEN: Quelle = land(
    &[Land::Ni],
    "LfD Niedersachsen: Eckpunktepapier digitale Lernplattformen (16.03.2023)",
    "https://datenschutz.nibis.de/2023/03/16/lfd-eckpunktepapier-einsatz-digitaler-lernplattformen-in-schulen",
    Amtlich,
);
/// NW: Bezirksregierung Detmold, 90 % / 10 %.
pub const DETMOLD: Quelle = land(
    &[Land::Nw],
    "Bezirksregierung Detmold: DigitalPakt Schule – Bund höchstens 90 %, Länder und Kommunen mindestens 10 %",
    "https://bezreg-detmold.nrw.de/aufgaben/schule/digitalpakt-schule",
    Amtlich,
);
/// NW: Bezirksregierung Köln, deadline.
pub const KOELN: Quelle = land(
    &[Land::Nw],
    "Bezirksregierung Köln: DigitalPakt Schule – Antragsfrist 31.07.2022",
    "https://www.bezreg-koeln.nrw.de/themen/schule-und-bildung/digitalpakt-schule",
    Amtlich,
);
/// NW: RL DigitalPakt NRW, budget per Träger.
pub const NRW_RL: Quelle = land(
    &[Land::Nw],
    "Richtlinie DigitalPakt NRW (RdErl. 11.09.2019, BASS 11-02 Nr. 34): Budget je Schulträger nach Anlage 2",
    "https://bass.schul-welt.de/18679.htm",
    Amtlich,
);
/// NW: Medienkompetenzrahmen, Medienkonzept.
pub const MKR_NRW: Quelle =
    land(&[Land::Nw], "Medienkompetenzrahmen NRW: Medienkonzept", "https://medienkompetenzrahmen.nrw/medienkonzept/", Amtlich);
/// NW: TPEK (Medienzentrum).
pub const NRW_TPEK: Quelle = land(
    &[Land::Nw],
    "Medienzentrum Coesfeld: ohne technisch-pädagogisches Einsatzkonzept keine Förderung",
    "https://gl-plus.medienzentrum-coe.de/2020/02/14/digitalpakt",
    Sekundaer,
);
/// SH: FAQ, device caps quoted from VV § 3 Abs. 1 Nr. 6 c.
pub const SH_FAQ_GERAETE: Quelle = land(
    &[Land::Sh],
    "FAQ DigitalPakt Schleswig-Holstein: Obergrenzen mobiler Endgeräte (VV § 3 Abs. 1 Nr. 6 c wörtlich)",
    "https://dpaktfaq.schleswig-holstein.de/?keyword=32&subView=portalFAQ&view=portal",
    Amtlich,
);
/// SH: admin FAQ, investments only.
pub const SH_ADMINFAQ: Quelle = land(
    &[Land::Sh],
    "FAQ Schleswig-Holstein: nur Investitionen und unmittelbar verbundene, befristete Ausgaben (Art. 104c GG)",
    "https://adminfaq.schleswig-holstein.de/?questionID=4&subView=question&view=portal",
    Amtlich,
);
/// SH: Landesprogramm, Investitionsplanung per school.
pub const SH_RL: Quelle = land(
    &[Land::Sh],
    "Landesprogramm DigitalPakt Schleswig-Holstein: Investitionsplanung je Schule und Fördergegenstand, Antragsfrist",
    "https://grantway.induct.net/grant/ministerium-fr-allgemeine-und-berufliche-bildung-wissenschaft-forschung-und-kultur/landesprogramm-digitalpakt-sh-ffentliche-schulen/rA6ywvGB7WKokEWOjd0R9M2E",
    Amtlich,
);
/// SH: press release, 15 %.
pub const SH_PM: Quelle = land(
    &[Land::Sh],
    "Schleswig-Holstein: Eigenanteil 15 %, entfällt für finanzschwache Kommunen",
    "https://schleswig-holstein.de/DE/Landesregierung/III/_startseite/Artikel_2019/September_19/190924_digi_pakt.html",
    Amtlich,
);
/// SN: LernSax checklist.
pub const LERNSAX: Quelle =
    land(&[Land::Sn], "LernSax (Sachsen): Checkliste Datenschutz – AVV, VVT, TOM, DSFA", "https://www.lernsax.de/wws/533504.php", Amtlich);
/// ST: Leitlinien IT-Ausstattung.
pub const ST_LEITLINIEN: Quelle = land(
    &[Land::St],
    "Sachsen-Anhalt: Leitlinien zur IT-Ausstattung an Schulen (First- und Second-Level-Support)",
    "https://de.readkong.com/page/leitlinien-zur-it-ausstattung-an-schulen-3918513",
    Amtlich,
);
/// NI: Orientierungsrahmen Medienbildung.
pub const NI_OR: Quelle = land(
    &[Land::Ni],
    "Orientierungsrahmen Medienbildung in der allgemein bildenden Schule (Niedersachsen)",
    "https://ormedien.nline.nibis.de",
    Amtlich,
);
/// BE, BB: Basiscurriculum Medienbildung.
pub const BCM: Quelle = land(
    &[Land::Be, Land::Bb],
    "Basiscurriculum Medienbildung, Rahmenlehrplan 1–10 Berlin/Brandenburg",
    "https://bildungsserver.berlin-brandenburg.de/themen/medienbildung/unterrichten/bcmedienbildung/",
    Amtlich,
);
/// SH: Medienkompetenz, supplement to the Fachanforderungen.
pub const SH_FA: Quelle = land(
    &[Land::Sh],
    "Medienkompetenz – Lernen mit digitalen Medien, Ergänzung zu den Fachanforderungen (Schleswig-Holstein)",
    "https://www.schleswig-holstein.de/DE/Landesregierung/Themen/BildungHochschulen/Medienkompetenz/medienkompetenz.html",
    Amtlich,
);
/// SH: FAQ, Begleitmaßnahmen.
pub const SH_FAQ_BEGLEIT: Quelle = land(
    &[Land::Sh],
    "FAQ DigitalPakt Schule Schleswig-Holstein: Elektroarbeiten nur als investive Begleitmaßnahme mit unmittelbarem und notwendigem Bezug",
    "https://dpaktfaq.schleswig-holstein.de/?category=9&subView=portalFAQ&view=portal",
    Amtlich,
);
/// HH: 1 Gbit/s per Unterrichtsraum (local press report on the state of school networks, 2021).
pub const HH_GBIT: Quelle = land(
    &[Land::Hh],
    "Berner Bote: Erhebliche Fortschritte bei der Digitalisierung der Schulen (Hamburg: WLAN, 1 Gbit/s je Unterrichtsraum)",
    "https://berner-bote.de/2021/04/01/erhebliche-fortschritte-bei-der-digitalisierung-der-schulen/",
    Verlaesslichkeit::Presse,
);
