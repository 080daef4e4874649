//! Exports that take the plan where its readers are: calendars (iCalendar), pictures (SVG Gantt chart and
//! årshjul) and a one-file HTML report.

pub mod html;
pub mod ics;
pub mod svg;
