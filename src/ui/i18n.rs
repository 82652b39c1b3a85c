//! Every text the page shows, in English and Simplified Chinese, keyed by message id.
//! Messages with `{name}` placeholders are filled with [`fill`].

use crate::i18n::Lang;

macro_rules! messages {
    ($($id:ident => $en:literal, $zh:literal;)*) => {
        /// The id of one message of the page.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg {
            $($id,)*
        }

        impl Msg {
            /// Returns the message in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$id, Lang::En) => $en,
                      (Msg::$id, Lang::ZhCn) => $zh,)*
                }
            }
        }
    };
}

messages! {
    Tagline => "Pod lifecycles from Kubernetes node logs",
        "从 Kubernetes 节点日志还原 Pod 生命周期";
    Language => "Language", "语言";
    DropTitle => "Drop node log files anywhere on this page",
        "将节点日志文件拖放到本页任意位置";
    DropFormats => "/var/log/messages, journalctl output or kubelet klog files, plain or .gz, or a .tar or .tar.gz support bundle. Several files are merged into one picture.",
        "支持 /var/log/messages、journalctl 输出和 kubelet klog 文件（可为 .gz 压缩），以及 .tar 或 .tar.gz 支持包；多个文件会合并分析。";
    ChooseFiles => "Choose files…", "选择文件…";
    TrySample => "Try the sample log", "试用示例日志";
    ClearAll => "Clear all", "全部清除";
    ClearAllHint => "Remove every loaded file and pod", "移除已加载的全部文件和 Pod";
    DropRelease => "Release to read the files here, in your browser",
        "松开鼠标，即在浏览器本地读取文件";
    Reading => "Reading {file}: {percent}%", "正在读取 {file}：{percent}%";
    ReadingBytes => "{read} of {total} MB", "已读 {read} / {total} MB";
    ReadingFigures => "{read} of {total} MB, {rate} MB/s, {left} left",
        "已读 {read} / {total} MB，{rate} MB/s，剩余 {left}";
    Seconds => "{seconds} s", "{seconds} 秒";
    MinutesSeconds => "{minutes} min {seconds} s", "{minutes} 分 {seconds} 秒";
    CancelParse => "Cancel", "取消";
    CancelParseHint => "Stop reading this file and drop the files waiting; the files read before stay",
        "停止读取此文件并放弃等待中的文件；之前读取的文件保留";
    FilesHeading => "Files", "文件";
    FileStats => "Lines: {lines} · from the kubelet: {kubelet}", "行数：{lines} · kubelet 日志行：{kubelet}";
    YearFromDate => "year {year} (from the file date)", "年份 {year}（取自文件日期）";
    YearBeforeDate => "year {year} (the year before the file date, because in the file date's year the last line would come after the file was saved)",
        "年份 {year}（文件日期的前一年，因为按文件日期所在年份，最后一行会晚于文件保存时间）";
    YearSample => "year {year} (fixed for the sample)", "年份 {year}（示例日志的固定年份）";
    YearFromName => "year {year} (from the rotation date in the file name)", "年份 {year}（取自文件名中的轮转日期）";
    YearFromMember => "year {year} (from the file date stored in the archive)", "年份 {year}（取自归档中保存的文件日期）";
    YearFromGzip => "year {year} (from the date in the gzip header)", "年份 {year}（取自 gzip 头中的日期）";
    PodsHeading => "Pods", "Pod 列表";
    PodFilter => "Filter by name or UID", "按名称或 UID 筛选";
    NoPodsYet => "No pods yet. Load a log file to find them.", "尚无 Pod，请先加载日志文件。";
    NoPodMatch => "No pod matches the filter.", "没有匹配的 Pod。";
    PodCount => "{matching} of {total}", "{matching} / {total}";
    EventCount => "Events: {count}", "事件数：{count}";
    LevelsHeading => "Levels shown", "显示的级别";
    WelcomeTitle => "See what happened to a pod", "查看 Pod 经历了什么";
    WelcomeText => "Load the node's logs, pick a pod, and its lifecycle appears here as a timeline of the seconds in which the kubelet logged something about it.",
        "加载节点日志并选择一个 Pod，这里就会以时间线展示 kubelet 记录到该 Pod 动态的每一秒。";
    PickPod => "Pick a pod from the list to draw its lifecycle.", "从左侧列表选择一个 Pod 以绘制其生命周期。";
    LifecycleOf => "Lifecycle of {pod}", "{pod} 的生命周期";
    SecondsSummary => "Seconds with events: {total} · events: {events}", "有事件的秒数：{total} · 事件数：{events}";
    MarkHint => "Click a dot, or focus it and press Enter, to list the events of that second.",
        "点击圆点（或用 Tab 聚焦后按回车）查看该秒内的全部事件。";
    WindowLabel => "Window", "时间窗";
    WindowWhole => "whole lifecycle, {total} marks; move the slider to see {size} at a time",
        "完整生命周期，共 {total} 个标记；拖动滑块可每次查看 {size} 个";
    WindowOf => "marks {first}–{last} of {total}", "第 {first}–{last} 个标记，共 {total} 个";
    WindowFits => "The whole lifecycle fits in one window.", "完整生命周期可在一个时间窗内完整显示。";
    MarkAria => "{time}, {level}, {events}", "{time}，{level}，{events}";
    EventsOne => "{count} event", "{count} 个事件";
    EventsMany => "{count} events", "{count} 个事件";
    DetailsTitle => "Events at {second}", "{second} 的事件";
    Close => "Close", "关闭";
    ColTime => "Time", "时间";
    ColLevel => "Level", "级别";
    ColEvent => "Event", "事件";
    ColContainer => "Container", "容器";
    ColSource => "File and line", "文件与行号";
    ColRaw => "Log line", "原始日志行";
    LineNumber => "line {line}", "第 {line} 行";
    DownloadSvg => "Download SVG", "下载 SVG";
    DownloadSvgHint => "Save the whole lifecycle or the current window, as chosen, at the levels shown as a standalone SVG picture",
        "将所选级别下的完整生命周期或当前时间窗（按所选范围）保存为独立的 SVG 图片";
    DownloadJson => "Download JSON", "下载 JSON";
    DownloadJsonHint => "Save the events at the levels shown as JSON lines, one event per line, as podlife --format json writes them",
        "将所选级别下的事件保存为 JSON Lines（每行一个事件），与 podlife --format json 的输出相同";
    DownloadPng => "Download PNG", "下载 PNG";
    DownloadPngHint => "Save the same picture as the SVG download as a PNG image at twice its size",
        "将与 SVG 下载相同的图片保存为两倍尺寸的 PNG 图像";
    DownloadCsv => "Download CSV", "下载 CSV";
    DownloadCsvHint => "Save the events at the levels shown as a CSV table with the fields of the JSON download, as podlife --format csv writes them",
        "将所选级别下的事件保存为 CSV 表格（字段与 JSON 下载相同），与 podlife --format csv 的输出相同";
    ScopeLabel => "Picture", "图片范围";
    ScopeHint => "The seconds that the SVG and PNG downloads show", "SVG 和 PNG 下载所包含的秒";
    ScopeWhole => "Whole lifecycle", "完整生命周期";
    ScopeWindow => "Current window", "当前时间窗";
    RedactExports => "Redact IPs, host names and secrets", "隐藏 IP、主机名和密钥";
    // U+2011, a non-breaking hyphen, keeps the placeholder node-1 on one line.
    RedactHint => "Downloads and copied text then show placeholders such as 10.0.0.1 and node\u{2011}1 in place of IP addresses, host names, and the values of environment variables and secrets in the log lines.",
        "开启后，下载的文件和复制的文本会用 10.0.0.1、node\u{2011}1 等占位符替换日志行中的 IP 地址、主机名以及环境变量和密钥的值。";
    CopySecond => "Copy as text", "复制为文本";
    CopySecondHint => "Copy the events of this second with their log lines to the clipboard as plain text",
        "将这一秒的事件及其原始日志行以纯文本复制到剪贴板";
    Copied => "Copied", "已复制";
    CopyFailed => "Copy failed", "复制失败";
    NodeHeading => "Node", "节点";
    BucketHint => "Each bar is a run of seconds in the colour of its highest level, and taller when it has more events. Click a bar, turn the mouse wheel or press + to zoom in until single seconds show.",
        "每个柱条代表一段连续的秒，颜色为其中的最高级别，事件越多柱条越高。点击柱条、滚动鼠标滚轮或按 + 键可放大，直到显示单独的秒。";
    BucketAria => "{start} to {end}, {level}, {events}; press Enter to zoom in",
        "{start} 至 {end}，{level}，{events}；按 Enter 键放大";
    NodeBucketAria => "Node: {start} to {end}, {level}, {events}; press Enter to zoom in",
        "节点：{start} 至 {end}，{level}，{events}；按 Enter 键放大";
    ZoomKeys => "Timeline. Left and Right arrows move the window, Home and End go to the start and end, + and - zoom.",
        "时间线。左右方向键移动时间窗，Home 和 End 键跳到开头和结尾，+ 和 - 键缩放。";
    NodeMarkAria => "Node: {time}, {level}, {events}", "节点：{time}，{level}，{events}";
    Incarnations => "{count} incarnations", "{count} 个实例";
    IncarnationHint => "Deleted and recreated under the same name: each UID is one incarnation",
        "同名 Pod 被删除后重建：每个 UID 是一个实例";
    Dismiss => "Dismiss", "关闭提示";
    Footer => "Your files are read locally in this browser. Nothing is uploaded, and the page makes no request to any other site.",
        "文件只在本浏览器中本地读取，不会上传任何内容，页面也不会向其他站点发出请求。";
    UpdateAvailable => "A new version of podlife is available.", "podlife 有新版本可用。";
    UpdateReload => "Reload", "重新加载";
    UpdateReloadHint => "Load the new version now. The page starts empty, so load your files again afterwards.",
        "立即加载新版本。页面会清空，之后请重新加载文件。";
    ReadFailed => "{file}: the browser could not read the file ({reason}).",
        "{file}：浏览器无法读取该文件（{reason}）。";
    AlreadyLoaded => "{file} was already loaded, so it was not read again.",
        "{file} 已经加载过，未重复读取。";
    UnknownPod => "Pod {pod} is not in the loaded files.", "已加载的文件中没有 Pod {pod}。";
    NoEvents => "Pod {pod} has no events at the levels shown. Tick more levels above.",
        "Pod {pod} 在所选级别下没有事件，请在上方勾选更多级别。";
    RulesTitle => "Rules", "规则";
    RulesCount => "{count} rules", "{count} 条规则";
    RulesEdited => "edited", "已修改";
    RulesIntro => "Each rule turns a kind of log message into an event. Change a rule's level or labels, add rules, or import a table. The table is saved in this browser, and the loaded files are read again with it.",
        "每条规则把一类日志消息识别为一个事件。可修改规则的级别或标签、添加规则或导入规则表。规则表保存在本浏览器中，已加载的文件会按新规则重新读取。";
    RulesSchema => "File format (JSON Schema)", "文件格式（JSON Schema）";
    RulesImport => "Import…", "导入…";
    RulesExport => "Export", "导出";
    RulesReset => "Reset to built-in", "恢复内置规则";
    RuleColId => "Rule", "规则";
    RuleColKind => "Kind", "事件类型";
    RuleColLevel => "Level", "级别";
    RuleColLabelEn => "Label (English)", "标签（英文）";
    RuleColLabelZh => "Label (Chinese)", "标签（中文）";
    RuleColMatch => "Template or regex", "模板或正则表达式";
    RuleColSource => "Program", "程序";
    RuleDelete => "Delete", "删除";
    RuleAddTitle => "Add a rule", "添加规则";
    RuleAddId => "Rule id", "规则 ID";
    RuleAddMatch => "Match by", "匹配方式";
    RuleAddTemplate => "template (the structured message, exactly)", "模板（结构化消息，精确匹配）";
    RuleAddRegex => "regular expression", "正则表达式";
    RuleAddPattern => "Template or regex", "模板或正则表达式";
    RuleAddLiteral => "Text the line must contain", "日志行必须包含的文本";
    RuleAdd => "Add rule", "添加规则";
    RulesImportFailed => "{file} was not imported: {error}. The rule table in force is unchanged.",
        "未导入 {file}：{error}。当前规则表保持不变。";
    RulesSavedFailed => "The rule table saved in this browser was not used: {error}. The built-in table is in force; Reset to built-in removes the saved table.",
        "未使用本浏览器中保存的规则表：{error}。当前使用内置规则表；点击“恢复内置规则”可删除保存的规则表。";
    RulesEditFailed => "The change was not applied: {error}", "修改未生效：{error}";
    YearFromStamps => "year {year} (from the log's own time stamps)", "年份 {year}（来自日志自带的时间戳）";
    YearFromHeader => "year {year} (from the klog file header)", "年份 {year}（来自 klog 文件头）";
    RulesFilter => "Filter by id, kind, label or template", "按 ID、事件类型、标签或模板筛选";
    RulesShown => "{matching} of {total} rules shown", "显示 {matching} / {total} 条规则";
    RulesNoMatch => "No rule matches the filter.", "没有匹配的规则。";
    RulesResetAsk => "Discard your changes to the rules and go back to the built-in table?",
        "放弃对规则的修改，恢复内置规则表？";
    RulesResetConfirm => "Discard changes", "放弃修改";
    RulesResetCancel => "Keep changes", "保留修改";
    RuleFieldBlank => "The rule was not added: the field \"{field}\" is empty. {hint}",
        "规则未添加：“{field}”为空。{hint}";
    RuleBlankIdHint => "Type an id that no other rule has.", "请填写一个与其他规则都不重复的 ID。";
    RuleBlankTemplateHint => "Type the structured message the rule matches, such as Probe failed.",
        "请填写规则要匹配的结构化消息，例如 Probe failed。";
    RuleBlankRegexHint => "Type the regular expression the rule matches.", "请填写规则要匹配的正则表达式。";
    RuleBlankLiteralHint => "Type text that every line the regex matches contains. Only lines with this text are tried against the regex.",
        "请填写正则表达式所匹配的每一行都包含的文本。只有包含该文本的行才会用正则表达式匹配。";
    YearSetByYou => "year {year} (set by you)", "年份 {year}（手动设置）";
    YearStampsOverSet => "year {year} (from the log's own time stamps, which win over the year {set} you set)",
        "年份 {year}（来自日志自带的时间戳，优先于你设置的年份 {set}）";
    YearHeaderOverSet => "year {year} (from the klog file header, which wins over the year {set} you set)",
        "年份 {year}（来自 klog 文件头，优先于你设置的年份 {set}）";
    YearChange => "Change", "修改";
    YearChangeHint => "Change the year of {file}", "修改 {file} 的年份";
    YearReset => "Reset", "重置";
    YearResetHint => "Reset the year of {file} to the one worked out from the log or file date",
        "重置 {file} 的年份为从日志或文件日期推断的年份";
    YearInput => "Year of the last line", "最后一行的年份";
    YearApply => "Apply", "应用";
    YearCancel => "Cancel", "取消";
    YearInvalid => "The year was not changed: enter four digits from 1970 to 2100.",
        "年份未修改：请输入 1970 到 2100 之间的四位数字。";
    YearOwnWins => "Lines whose stamps carry a year, and klog files with a header, keep their own year.",
        "时间戳自带年份的日志行和带文件头的 klog 文件仍使用其自身的年份。";
    YearWholeArchive => "The year applies to every log in {file}.", "该年份将用于 {file} 中的所有日志。";
}

/// Returns the message `msg` in `lang` with each `{name}` replaced by its value from `args`.
pub fn fill(msg: Msg, lang: Lang, args: &[(&str, &str)]) -> String {
    args.iter()
        .fold(msg.text(lang).to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// Writes `count` with its noun in `lang`, picking `singular` for a count of 1 and `plural` for
/// any other, so English reads `1 event` and `3 events`. Both messages have a `{count}`
/// placeholder.
pub fn counted(count: usize, singular: Msg, plural: Msg, lang: Lang) -> String {
    let msg = if count == 1 { singular } else { plural };
    fill(msg, lang, &[("count", &grouped(count as u64))])
}

/// Writes a count with thousands separators, as both languages write them: `1,200,000`.
pub fn grouped(count: u64) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
