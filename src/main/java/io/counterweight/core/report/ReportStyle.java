package io.counterweight.core.report;

/**
 * The report's inline style sheet: readable on screen and in print, wide tables scroll instead of
 * squeezing, numbers right-aligned in tabular figures so columns compare at a glance.
 */
final class ReportStyle {
    static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#222;\
            margin:24px auto;max-width:1320px;padding:0 16px;line-height:1.4}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:28px 0 8px;border-bottom:1px solid #ddd;\
            padding-bottom:4px}h3{font-size:15px;margin:16px 0 6px}
            .meta{color:#666;font-size:13px;margin:2px 0 10px;word-break:break-all}
            .problem{color:#8a4b00;background:#fff4e0;padding:6px 10px;border-radius:4px}
            .scroll{overflow-x:auto;max-width:100%}
            table{border-collapse:collapse;font-size:13px;margin:4px 0 12px}
            th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#f4f4f4;font-weight:600}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            td.num{white-space:nowrap}
            table.keys td:first-child{font-family:ui-monospace,"DejaVu Sans Mono",monospace;white-space:nowrap;color:#444}
            table.keys td{max-width:520px;word-break:break-word}
            tbody tr:nth-child(even){background:#fafafa}
            table.summary td:first-child{min-width:150px;font-weight:600}
            table.summary td:nth-child(5){min-width:170px}
            .charts,.pair{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
            .pair>div{min-width:0;max-width:100%}
            img{max-width:100%;height:auto;border:1px solid #eee}
            section.run{margin-top:32px}
            @media print{.scroll{overflow:visible}section.run{break-before:page}}
            """;

    private ReportStyle() { }
}
