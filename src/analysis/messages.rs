//! User-facing descriptions of input problems, in both languages. The CLI prints them on
//! standard error; the page shows them in its error banner.

use super::model::InputIssue;
use crate::i18n::Lang;

impl InputIssue {
    /// A sentence saying what is wrong with `file` and what to do about it.
    pub fn message(&self, file: &str, lang: Lang) -> String {
        match lang {
            Lang::En => english(self, file),
            Lang::ZhCn => chinese(self, file),
        }
    }

    /// Whether the file contributed nothing, as opposed to being read with a warning.
    pub fn is_fatal(&self) -> bool {
        matches!(
            self,
            InputIssue::Empty
                | InputIssue::Binary
                | InputIssue::Compressed { .. }
                | InputIssue::NoKubeletLines
        )
    }
}

fn english(issue: &InputIssue, file: &str) -> String {
    match issue {
        InputIssue::Empty => format!("{file} is empty: there is nothing to read."),
        InputIssue::Binary => format!(
            "{file} is not a text log (it contains binary data), so it was skipped. \
             Choose a syslog, journalctl or kubelet log file."
        ),
        InputIssue::Compressed { format } => format!(
            "{file} is {format}-compressed, which this version cannot read yet. \
             Decompress it first (for gzip: gunzip {file})."
        ),
        InputIssue::NoKubeletLines => format!(
            "{file} has no kubelet lines (no klog header such as \
             \"I1204 10:00:00.123456 1234 kubelet.go:2330]\"). \
             Choose /var/log/messages, journalctl -u kubelet output or a kubelet log file."
        ),
        InputIssue::LongLines {
            count,
            first_line,
            max_bytes,
        } => format!(
            "{file}: {count} line(s) longer than {} KiB were cut to that length \
             (first at line {first_line}); the rest of the file was read.",
            max_bytes / 1024
        ),
        InputIssue::InvalidUtf8 { count, first_line } => format!(
            "{file}: {count} line(s) contain bytes that are not UTF-8 (first at line \
             {first_line}); they were read with \u{FFFD} in place of those bytes."
        ),
    }
}

fn chinese(issue: &InputIssue, file: &str) -> String {
    match issue {
        InputIssue::Empty => format!("{file} 是空文件，没有可读取的内容。"),
        InputIssue::Binary => format!(
            "{file} 不是文本日志（包含二进制数据），已跳过。请选择 syslog、journalctl 或 kubelet 日志文件。"
        ),
        InputIssue::Compressed { format } => format!(
            "{file} 是 {format} 压缩文件，当前版本还不能直接读取。请先解压（gzip 文件可用 gunzip {file}）。"
        ),
        InputIssue::NoKubeletLines => format!(
            "{file} 中没有 kubelet 日志行（没有形如 \"I1204 10:00:00.123456 1234 kubelet.go:2330]\" 的 klog 头）。\
             请选择 /var/log/messages、journalctl -u kubelet 的输出或 kubelet 日志文件。"
        ),
        InputIssue::LongLines { count, first_line, max_bytes } => format!(
            "{file}：有 {count} 行超过 {} KiB，已截断到该长度（第一处在第 {first_line} 行）；文件其余部分已正常读取。",
            max_bytes / 1024
        ),
        InputIssue::InvalidUtf8 { count, first_line } => format!(
            "{file}：有 {count} 行包含非 UTF-8 字节（第一处在第 {first_line} 行）；这些字节已替换为 \u{FFFD} 后读取。"
        ),
    }
}
