//! Facilitating meetings and activities (guidebook chapter 4). (Stub pages: the
//! Facilitate work replaces them.)

use leptos::prelude::*;

use super::{Area, AreaPage};

#[component]
pub fn FacilitatePage() -> impl IntoView {
    view! { <AreaPage area=Area::Facilitate/> }
}

#[component]
pub fn FormatLibraryPage() -> impl IntoView {
    view! { <AreaPage area=Area::Facilitate/> }
}

#[component]
pub fn FacilitateCommunityPage() -> impl IntoView {
    view! { <AreaPage area=Area::Facilitate/> }
}

#[component]
pub fn MeetingPage() -> impl IntoView {
    view! { <AreaPage area=Area::Facilitate/> }
}

#[component]
pub fn RunPage() -> impl IntoView {
    view! { <AreaPage area=Area::Facilitate/> }
}

#[component]
pub fn RecordPage() -> impl IntoView {
    view! { <AreaPage area=Area::Facilitate/> }
}
