//! Exports that take the plan where its readers are: calendars (iCalendar), pictures (SVG Gantt chart and
//! årshjul, and each as PNG or PDF), the report (one HTML file, or a tagged PDF), and the JSON Schema of the
//! format for editors.

pub mod ics;
pub mod json_schema;
pub mod picture;
pub mod report;
pub mod svg;
