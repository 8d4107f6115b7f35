//! The profiles shipped with mep, embedded from `schemas/profiles/` at build time.

use std::sync::LazyLock;

use super::file::{ProfilDatei, read_profile};
use crate::load::{Limits, Loaded};
use crate::model::{Land, Programm};

/// The embedded profile files: (file name, text).
static EMBEDDED_FILES: &[(&str, &str)] = &[
    ("schemas/profiles/digitalpakt-2019.yaml", include_str!("../../schemas/profiles/digitalpakt-2019.yaml")),
    ("schemas/profiles/digitalpakt-2.yaml", include_str!("../../schemas/profiles/digitalpakt-2.yaml")),
    ("schemas/profiles/laender/bw.yaml", include_str!("../../schemas/profiles/laender/bw.yaml")),
    ("schemas/profiles/laender/by.yaml", include_str!("../../schemas/profiles/laender/by.yaml")),
    ("schemas/profiles/laender/be.yaml", include_str!("../../schemas/profiles/laender/be.yaml")),
    ("schemas/profiles/laender/bb.yaml", include_str!("../../schemas/profiles/laender/bb.yaml")),
    ("schemas/profiles/laender/hb.yaml", include_str!("../../schemas/profiles/laender/hb.yaml")),
    ("schemas/profiles/laender/hh.yaml", include_str!("../../schemas/profiles/laender/hh.yaml")),
    ("schemas/profiles/laender/he.yaml", include_str!("../../schemas/profiles/laender/he.yaml")),
    ("schemas/profiles/laender/mv.yaml", include_str!("../../schemas/profiles/laender/mv.yaml")),
    ("schemas/profiles/laender/ni.yaml", include_str!("../../schemas/profiles/laender/ni.yaml")),
    ("schemas/profiles/laender/nw.yaml", include_str!("../../schemas/profiles/laender/nw.yaml")),
    ("schemas/profiles/laender/rp.yaml", include_str!("../../schemas/profiles/laender/rp.yaml")),
    ("schemas/profiles/laender/sl.yaml", include_str!("../../schemas/profiles/laender/sl.yaml")),
    ("schemas/profiles/laender/sn.yaml", include_str!("../../schemas/profiles/laender/sn.yaml")),
    ("schemas/profiles/laender/st.yaml", include_str!("../../schemas/profiles/laender/st.yaml")),
    ("schemas/profiles/laender/sh.yaml", include_str!("../../schemas/profiles/laender/sh.yaml")),
    ("schemas/profiles/laender/th.yaml", include_str!("../../schemas/profiles/laender/th.yaml")),
];

/// The embedded profiles, each read like a user's file (a test validates them with [`crate::rules::profil::validate`]).
static EMBEDDED: LazyLock<Vec<Loaded<ProfilDatei>>> =
    LazyLock::new(|| EMBEDDED_FILES.iter().map(|(name, text)| read_profile(name, text.as_bytes(), &Limits::default())).collect());

/// Every embedded profile file with the findings of reading it (empty when sound).
#[must_use]
pub fn embedded() -> &'static [Loaded<ProfilDatei>] {
    &EMBEDDED
}

pub(super) fn programme(p: Programm) -> Option<&'static ProfilDatei> {
    EMBEDDED.iter().filter_map(|l| l.value.as_ref()).find(|f| f.programm == Some(p) && f.land.is_none())
}

pub(super) fn land(land: Land) -> Option<&'static ProfilDatei> {
    EMBEDDED.iter().filter_map(|l| l.value.as_ref()).find(|f| f.land == Some(land) && f.programm.is_none())
}
