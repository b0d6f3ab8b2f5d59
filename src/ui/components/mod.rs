//! Reusable view pieces, one component per file.

pub mod banners;
pub mod catalogue_checklist;
pub mod community_scope;
pub mod confirm;
pub mod empty_state;
pub mod field;
pub mod import_panel;
pub mod leaf;
pub mod merge_review;
pub mod level_form;
pub mod nav;
pub mod participation_map;
pub mod problem_list;
pub mod safe_link;
pub mod save_status;
pub mod select_field;
pub mod spidergram;
pub mod update_notice;

pub use banners::{Banners, NoticeToast};
pub use catalogue_checklist::CatalogueChecklist;
pub use community_scope::CommunityScope;
pub use confirm::{ask, ConfirmHost, ConfirmRequest};
pub use empty_state::EmptyState;
pub use field::TextField;
pub use import_panel::ImportPanel;
pub use merge_review::MergeReview;
pub use leaf::Leaf;
pub use level_form::LevelForm;
pub use nav::AppNav;
pub use participation_map::{MapRing, ParticipationMap};
pub use problem_list::ProblemList;
pub use safe_link::SafeLink;
pub use save_status::SaveStatusPill;
pub use select_field::{CatalogueSelect, SelectField};
pub use spidergram::{Series, Spidergram};
pub use update_notice::UpdateNotice;
