<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Corridor Map</source>
        <translation>关于走廊地图</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可协议</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Corridor Map</source>
        <translation>走廊地图</translation>
    </message>
    <message>
        <source>An offline map of vehicle exports from Chongqing along the Land-Sea Trade Corridor.</source>
        <translation>重庆汽车经西部陆海新通道出口的离线地图。</translation>
    </message>
    <message>
        <source>Map data</source>
        <translation>地图数据</translation>
    </message>
    <message>
        <source>Software and fonts</source>
        <translation>软件与字体</translation>
    </message>
    <message>
        <source>Points of view</source>
        <translation>地图立场</translation>
    </message>
    <message>
        <source>China's point of view (the default): Natural Earth 1:50m, with South Tibet, the western sector, Heixiazi Island, the Diaoyu Islands, the South China Sea islands and the ten-dash line after the dataset world-geo-json-zh, which follows China's standard maps GS(2023)2767 and GS(2021)5443; Taiwan, Hong Kong and Macao as parts of China.</source>
        <translation>中国立场（默认）：Natural Earth 1:50m，其中藏南地区、西段边界、黑瞎子岛、钓鱼岛、南海诸岛和南海断续线依据数据集 world-geo-json-zh，该数据集参照中国标准地图 GS(2023)2767 和 GS(2021)5443 绘制；台湾、香港、澳门为中国的一部分。</translation>
    </message>
    <message>
        <source>Natural Earth's default view (View → Point of view): Natural Earth 1:50m as published, with the boundaries each country administers.</source>
        <translation>Natural Earth 默认立场（视图 → 地图立场）：按原样发布的 Natural Earth 1:50m，边界为各国实际管辖范围。</translation>
    </message>
    <message>
        <source>Neither is an officially approved map: maps for publication in China need the approval of the map authorities.</source>
        <translation>二者均非经审核批准的地图：在中国公开使用的地图须经地图主管部门审核。</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>ILSTC</source>
        <translation>陆海新通道（ILSTC）</translation>
    </message>
    <message>
        <source>International Land-Sea Trade Corridor (ILSTC, 陆海新通道): rail from Chongqing to the Beibu Gulf ports, then by sea to Southeast Asia and beyond.</source>
        <translation>西部陆海新通道（ILSTC）：从重庆经铁路到北部湾港口，再经海运通往东南亚及更远的地区。</translation>
    </message>
    <message>
        <source>Beibu Gulf</source>
        <translation>北部湾</translation>
    </message>
    <message>
        <source>The Gulf of Tonkin; its Chinese ports are Qinzhou, Beihai and Fangchenggang.</source>
        <translation>即东京湾；中国一侧的港口有钦州、北海和防城港。</translation>
    </message>
    <message>
        <source>China–Europe Railway Express</source>
        <translation>中欧班列</translation>
    </message>
    <message>
        <source>Container trains from Chongqing across Central Asia and Russia to Europe.</source>
        <translation>从重庆出发、经中亚和俄罗斯开往欧洲的集装箱班列。</translation>
    </message>
    <message>
        <source>NEV</source>
        <translation>新能源汽车（NEV）</translation>
    </message>
    <message>
        <source>New-energy vehicle: battery-electric, plug-in hybrid or fuel-cell.</source>
        <translation>新能源汽车：纯电动、插电式混合动力或燃料电池汽车。</translation>
    </message>
    <message>
        <source>ICE</source>
        <translation>燃油车（ICE）</translation>
    </message>
    <message>
        <source>Internal-combustion engine: petrol or diesel vehicles.</source>
        <translation>内燃机汽车：汽油或柴油车。</translation>
    </message>
    <message>
        <source>TEU</source>
        <translation>标准箱（TEU）</translation>
    </message>
    <message>
        <source>Twenty-foot equivalent unit, the size of a standard container.</source>
        <translation>二十英尺当量单位，即一个标准集装箱的大小。</translation>
    </message>
    <message>
        <source>nm, knots</source>
        <translation>海里、节</translation>
    </message>
    <message>
        <source>Nautical miles (1.852 km) and nautical miles per hour.</source>
        <translation>海里（1.852 公里）和每小时海里数。</translation>
    </message>
    <message>
        <source>ISO3</source>
        <translation>ISO3 代码</translation>
    </message>
    <message>
        <source>The three-letter country code of ISO 3166-1 (CHN, DEU, THA…).</source>
        <translation>ISO 3166-1 三字母国家代码（CHN、DEU、THA……）。</translation>
    </message>
</context>
<context>
    <name>AssumptionsDialog</name>
    <message>
        <source>Transit assumptions</source>
        <translation>运输时间假设</translation>
    </message>
    <message>
        <source>Assumption</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Basis and sources</source>
        <translation>依据与来源</translation>
    </message>
    <message>
        <source>The route estimates (Routes panel, country panel, corridor-map route) use these figures. Change them in the Routes panel; they are remembered.</source>
        <translation>线路估算（线路面板、国家面板、corridor-map route）使用以下数值。可在线路面板中修改，修改会被保存。</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <source>Choose a column for '%1'.</source>
        <translation>请为“%1”选择一列。</translation>
    </message>
    <message>
        <source>A column can be used for one field only.</source>
        <translation>每一列只能对应一个字段。</translation>
    </message>
    <message>
        <source>Check how the file was read</source>
        <translation>检查文件的读取方式</translation>
    </message>
    <message>
        <source>%1 is not a plain table. Check where the table was found and which column is which; change the sheet, header row or layout and read it again if something is wrong.</source>
        <translation>%1 不是简单的表格。请检查找到的表格位置和各列的含义；如有不对，可更改工作表、表头行或布局后重新读取。</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>匹配列</translation>
    </message>
    <message>
        <source>Some columns of %1 were not recognised. Choose the column of each field.</source>
        <translation>%1 中有些列未能识别。请为每个字段选择对应的列。</translation>
    </message>
    <message>
        <source>(required)</source>
        <translation>（必填）</translation>
    </message>
    <message>
        <source>(this or the other date column)</source>
        <translation>（与另一日期列二选一）</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
</context>
<context>
    <name>CountryDock</name>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Fact sheet…</source>
        <translation>国家简报…</translation>
    </message>
    <message>
        <source>An A4 handout (PDF) for this country, or for every country with sales</source>
        <translation>为该国家（或所有有销量的国家）生成 A4 简报（PDF）</translation>
    </message>
    <message>
        <source>Select a country on the map, in a table or with the search box.</source>
        <translation>请在地图、表格或搜索框中选择一个国家。</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>销量（辆）</translation>
    </message>
    <message>
        <source>NEV share</source>
        <translation>新能源占比</translation>
    </message>
    <message>
        <source>Dealers</source>
        <translation>经销商</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Units by year</source>
        <translation>按年份销量</translation>
    </message>
    <message>
        <source>Units by brand</source>
        <translation>按品牌销量</translation>
    </message>
    <message>
        <source>Route from Chongqing</source>
        <translation>从重庆出发的线路</translation>
    </message>
    <message>
        <source>Published figures (real, with sources)</source>
        <translation>公开数据（真实数据，附来源）</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>No country selected</source>
        <translation>未选择国家</translation>
    </message>
    <message>
        <source>{count} countries</source>
        <translation>{count} 个国家</translation>
    </message>
    <message>
        <source>{name} ({code}): {units} units, {dealers} dealers</source>
        <translation>{name}（{code}）：{units} 辆，{dealers} 家经销商</translation>
    </message>
    <message>
        <source>No dealers in the data.</source>
        <translation>数据中没有经销商。</translation>
    </message>
    <message>
        <source>… and {n} more (see the Dealers table)</source>
        <translation>……另有 {n} 家（见经销商表）</translation>
    </message>
    <message>
        <source>No route data available.</source>
        <translation>暂无线路数据。</translation>
    </message>
    <message>
        <source>rail</source>
        <translation>铁路</translation>
    </message>
    <message>
        <source>river</source>
        <translation>内河</translation>
    </message>
    <message>
        <source>sea</source>
        <translation>海运</translation>
    </message>
    <message>
        <source>road</source>
        <translation>公路</translation>
    </message>
    <message>
        <source>no route known</source>
        <translation>无已知线路</translation>
    </message>
    <message>
        <source>{km} km in total</source>
        <translation>全程 {km} 公里</translation>
    </message>
    <message>
        <source>{mode}: {name} ({km} km)</source>
        <translation>{mode}：{name}（{km} 公里）</translation>
    </message>
    <message>
        <source>(routes of the first {n} countries)</source>
        <translation>（仅显示前 {n} 个国家的线路）</translation>
    </message>
    <message>
        <source>Source: {source}; published in: {publication}</source>
        <translation>来源：{source}；刊载于：{publication}</translation>
    </message>
</context>
<context>
    <name>DataActions</name>
    <message>
        <source>No recent files</source>
        <translation>没有最近文件</translation>
    </message>
    <message>
        <source>Revert to sample data</source>
        <translation>恢复为示例数据</translation>
    </message>
    <message>
        <source>Show the sample again? The imported data is deleted; your own files stay as they are.</source>
        <translation>重新显示示例数据？已导入的数据将被删除；您自己的文件不受影响。</translation>
    </message>
    <message>
        <source>The sample could not be made active: %1</source>
        <translation>无法切换到示例数据：%1</translation>
    </message>
    <message>
        <source>Excel workbook with a help sheet (*.xlsx)</source>
        <translation>Excel 工作簿，含说明工作表 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV with English headers (*.csv)</source>
        <translation>CSV，英文表头 (*.csv)</translation>
    </message>
    <message>
        <source>CSV with Chinese headers (*.csv)</source>
        <translation>CSV，中文表头 (*.csv)</translation>
    </message>
    <message>
        <source>Save sales template</source>
        <translation>保存销量模板</translation>
    </message>
    <message>
        <source>Save dealers template</source>
        <translation>保存经销商模板</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Template saved: %1</source>
        <translation>模板已保存：%1</translation>
    </message>
    <message>
        <source>Import &amp;sales…</source>
        <translation>导入销量数据(&amp;S)…</translation>
    </message>
    <message>
        <source>Read a sales table (CSV or XLSX) and check it</source>
        <translation>读取并检查销量表（CSV 或 XLSX）</translation>
    </message>
    <message>
        <source>Import &amp;dealers…</source>
        <translation>导入经销商(&amp;D)…</translation>
    </message>
    <message>
        <source>Read a dealers table (CSV or XLSX) and check it</source>
        <translation>读取并检查经销商表（CSV 或 XLSX）</translation>
    </message>
    <message>
        <source>&amp;Recent files</source>
        <translation>最近文件(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;vert to sample data</source>
        <translation>恢复为示例数据(&amp;V)</translation>
    </message>
    <message>
        <source>Save sales &amp;template…</source>
        <translation>保存销量模板(&amp;T)…</translation>
    </message>
    <message>
        <source>Save dealers t&amp;emplate…</source>
        <translation>保存经销商模板(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>DataDialogs</name>
    <message>
        <source>Import sales</source>
        <translation>导入销量数据</translation>
    </message>
    <message>
        <source>Import dealers</source>
        <translation>导入经销商</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx *.xls *.ods *.tsv *.txt)</source>
        <translation>表格文件 (*.csv *.xlsx *.xls *.ods *.tsv *.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>DatasetStatus</name>
    <message>
        <source>Illustrative sample data — not real sales figures</source>
        <translation>示例数据（仅供演示，非真实销量）</translation>
    </message>
    <message>
        <source>The bundled sample: invented figures for trying the app.</source>
        <translation>内置示例：虚构的数字，仅用于试用本软件。</translation>
    </message>
    <message>
        <source>Your data: %1</source>
        <translation>您的数据：%1</translation>
    </message>
    <message>
        <source>(no files)</source>
        <translation>（无文件）</translation>
    </message>
    <message>
        <source>%1 (%2): %3 of %4 rows accepted, imported %5</source>
        <translation>%1（%2）：%4 行中接受 %3 行，导入于 %5</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>销量</translation>
    </message>
    <message>
        <source>dealers</source>
        <translation>经销商</translation>
    </message>
</context>
<context>
    <name>DealersDock</name>
    <message>
        <source>Dealers</source>
        <translation>经销商</translation>
    </message>
    <message>
        <source>Only the selected countries</source>
        <translation>仅显示所选国家</translation>
    </message>
    <message>
        <source>Untick to list every dealer and pick several countries with Ctrl</source>
        <translation>取消勾选可列出全部经销商，并按住 Ctrl 选择多个国家</translation>
    </message>
    <message>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>service</source>
        <translation>售后服务</translation>
    </message>
    <message>
        <source>sales and service</source>
        <translation>销售及售后服务</translation>
    </message>
    <message>
        <source>city position</source>
        <translation>城市位置</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>近似</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>精确</translation>
    </message>
</context>
<context>
    <name>ExitConfirm</name>
    <message>
        <source>Leave exhibition mode?</source>
        <translation>退出展会模式？</translation>
    </message>
    <message>
        <source>This question closes by itself after %1 s.</source>
        <translation>此提示将在 %1 秒后自动关闭。</translation>
    </message>
    <message>
        <source>Leave exhibition mode</source>
        <translation>退出展会模式</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>继续展示</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Data: %1</source>
        <translation>数据：%1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>宽度：</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>高度：</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Subtitle:</source>
        <translation>副标题：</translation>
    </message>
    <message>
        <source>Show the legend</source>
        <translation>显示图例</translation>
    </message>
    <message>
        <source>Use the map's current view (otherwise: the selection, or all countries with data)</source>
        <translation>使用地图当前视图（否则：选中的国家，或所有有数据的国家）</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Source line: %1</source>
        <translation>来源说明：%1</translation>
    </message>
    <message>
        <source>Too large: the image would be %1 × %2 pixels; at most %3 pixels a side are possible.</source>
        <translation>尺寸过大：图像将为 %1 × %2 像素；每边最多 %3 像素。</translation>
    </message>
    <message>
        <source>Image: %1 × %2 pixels, %3 dpi</source>
        <translation>图像：%1 × %2 像素，%3 dpi</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Preparing the export map…</source>
        <translation>正在准备导出地图…</translation>
    </message>
    <message>
        <source>Drawing the map…</source>
        <translation>正在绘制地图…</translation>
    </message>
    <message>
        <source>The export map could not be shown: %1</source>
        <translation>无法显示导出地图：%1</translation>
    </message>
    <message>
        <source>1920 × 1080 (Full HD)</source>
        <translation>1920 × 1080（全高清）</translation>
    </message>
    <message>
        <source>3840 × 2160 (4K)</source>
        <translation>3840 × 2160（4K）</translation>
    </message>
    <message>
        <source>A4 landscape, 150 dpi</source>
        <translation>A4 横向，150 dpi</translation>
    </message>
    <message>
        <source>A4 landscape, 300 dpi</source>
        <translation>A4 横向，300 dpi</translation>
    </message>
    <message>
        <source>A3 landscape, 150 dpi</source>
        <translation>A3 横向，150 dpi</translation>
    </message>
    <message>
        <source>A3 landscape, 300 dpi</source>
        <translation>A3 横向，300 dpi</translation>
    </message>
    <message>
        <source>Custom size</source>
        <translation>自定义尺寸</translation>
    </message>
    <message>
        <source>Export PNG or PDF</source>
        <translation>导出 PNG 或 PDF</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>PDF (vector, for print)</source>
        <translation>PDF（矢量，用于印刷）</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <source>Orientation:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <source>Margin:</source>
        <translation>页边距：</translation>
    </message>
    <message>
        <source>Bleed:</source>
        <translation>出血：</translation>
    </message>
    <message>
        <source>Extra paper around the page that the print shop trims off; the map runs into it.</source>
        <translation>页面四周多出的纸边，由印刷厂裁掉；地图延伸到其中。</translation>
    </message>
    <message>
        <source>Too large: the image would be %1 × %2 pixels (%3 million); at most %4 million pixels are possible. Make it smaller, or export a PDF, which prints sharp at any paper size.</source>
        <translation>尺寸过大：图像将为 %1 × %2 像素（%3 百万像素）；最多 %4 百万像素。请缩小尺寸，或导出 PDF，任何纸张尺寸都能清晰印刷。</translation>
    </message>
    <message>
        <source>%1 landscape, %2 × %3 mm</source>
        <translation>%1 横向，%2 × %3 毫米</translation>
    </message>
    <message>
        <source>%1 portrait, %2 × %3 mm</source>
        <translation>%1 纵向，%2 × %3 毫米</translation>
    </message>
    <message>
        <source>Page: %1 × %2 mm, with %3 mm bleed on each side; vector, fonts embedded</source>
        <translation>页面：%1 × %2 毫米，四边各含 %3 毫米出血；矢量，字体已嵌入</translation>
    </message>
    <message>
        <source>Page: %1 × %2 mm; vector, fonts embedded</source>
        <translation>页面：%1 × %2 毫米；矢量，字体已嵌入</translation>
    </message>
    <message>
        <source>Rendering preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <source>Preview of the PDF page: %1</source>
        <translation>PDF 页面预览：%1</translation>
    </message>
    <message>
        <source>Preview of the PNG: %1 pixels</source>
        <translation>PNG 预览：%1 像素</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved %1 (%2 pixels).</source>
        <translation>已保存 %1（%2 像素）。</translation>
    </message>
    <message>
        <source>Saved %1 (PDF, %2).</source>
        <translation>已保存 %1（PDF，%2）。</translation>
    </message>
    <message>
        <source>Copied to the clipboard (PDF, %1).</source>
        <translation>已复制到剪贴板（PDF，%1）。</translation>
    </message>
    <message>
        <source>Copied to the clipboard (%1 pixels).</source>
        <translation>已复制到剪贴板（%1 像素）。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>FactSheet</name>
    <message>
        <source>Country fact sheet</source>
        <translation>国家概况</translation>
    </message>
    <message>
        <source>Units sold</source>
        <translation>销量（辆）</translation>
    </message>
    <message>
        <source>NEV share</source>
        <translation>新能源占比</translation>
    </message>
    <message>
        <source>Dealers</source>
        <translation>经销商</translation>
    </message>
    <message>
        <source>Days from Chongqing</source>
        <translation>自重庆运输天数</translation>
    </message>
    <message>
        <source>default route, estimated</source>
        <translation>默认线路，估计值</translation>
    </message>
    <message>
        <source>Units by year</source>
        <translation>按年销量</translation>
    </message>
    <message>
        <source>NEV</source>
        <translation>新能源</translation>
    </message>
    <message>
        <source>Other powertrains</source>
        <translation>其他动力</translation>
    </message>
    <message>
        <source>NEV share over all years: {share}</source>
        <translation>各年合计新能源占比：{share}</translation>
    </message>
    <message>
        <source>Units by brand</source>
        <translation>按品牌销量</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>销量</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Sales and service</source>
        <translation>销售及服务</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Routes from Chongqing</source>
        <translation>自重庆出发的线路</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>Distance (km)</source>
        <translation>距离（公里）</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Published figures</source>
        <translation>公开数据</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
    <message>
        <source>Published in: {publication}</source>
        <translation>发布于：{publication}</translation>
    </message>
    <message>
        <source>No sales in the data for {country}</source>
        <translation>数据中没有{country}的销量</translation>
    </message>
    <message>
        <source>No dealers in the data for {country}</source>
        <translation>数据中没有{country}的经销商</translation>
    </message>
    <message>
        <source>No route from Chongqing to {country} in the corridor data</source>
        <translation>线路数据中没有从重庆到{country}的线路</translation>
    </message>
    <message>
        <source>No published figures apply</source>
        <translation>没有适用的公开数据</translation>
    </message>
    <message>
        <source>Data: {label}</source>
        <translation>数据：{label}</translation>
    </message>
    <message>
        <source>Made on {date}</source>
        <translation>制作日期：{date}</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>FactSheetDialog</name>
    <message>
        <source>Choose a folder for the fact sheets.</source>
        <translation>请选择保存国家简报的文件夹。</translation>
    </message>
    <message>
        <source>The fact sheets cannot be written to “%1” (%2). Choose another folder.</source>
        <translation>无法将国家简报写入“%1”（%2）。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Fact sheets</source>
        <translation>国家简报</translation>
    </message>
    <message>
        <source>Countries:</source>
        <translation>国家：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Sections:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Units by year</source>
        <translation>按年份销量</translation>
    </message>
    <message>
        <source>Brands</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Dealers</source>
        <translation>经销商</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Published figures</source>
        <translation>公开数据</translation>
    </message>
    <message>
        <source>Apply the window's current filters</source>
        <translation>应用窗口当前的筛选条件</translation>
    </message>
    <message>
        <source>One combined PDF with a cover and contents</source>
        <translation>合并为一个带封面和目录的 PDF</translation>
    </message>
    <message>
        <source>Also a PNG picture of each sheet's first page</source>
        <translation>另存每份简报第一页的 PNG 图片</translation>
    </message>
    <message>
        <source>The first page of the first sheet written</source>
        <translation>已生成的第一份简报的第一页</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The %1 selected countries</source>
        <translation>所选的 %1 个国家</translation>
    </message>
    <message>
        <source>The selected country (none is selected)</source>
        <translation>所选国家（当前未选择）</translation>
    </message>
    <message>
        <source>Every country with sales (%1)</source>
        <translation>所有有销量的国家（%1 个）</translation>
    </message>
    <message>
        <source>Only for several countries.</source>
        <translation>仅适用于多个国家。</translation>
    </message>
    <message>
        <source>Folder for the fact sheets</source>
        <translation>国家简报的保存文件夹</translation>
    </message>
    <message>
        <source>No country has sales under the current filters.</source>
        <translation>在当前筛选条件下没有任何国家有销量。</translation>
    </message>
    <message>
        <source>Choose at least one section.</source>
        <translation>请至少选择一项内容。</translation>
    </message>
    <message>
        <source>Preparing the map for the sheets…</source>
        <translation>正在为简报准备地图…</translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 fact sheets written.</source>
        <translation>已取消：已写入 %1 份国家简报（共 %2 份）。</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <source>%1 files written to %2</source>
        <translation>已将 %1 个文件写入 %2</translation>
    </message>
    <message>
        <source>The fact sheets could not be made: %1</source>
        <translation>无法生成国家简报：%1</translation>
    </message>
    <message>
        <source>%1 fact sheets were written before.</source>
        <translation>此前已写入 %1 份国家简报。</translation>
    </message>
    <message>
        <source>Several files: make one combined PDF to print them together.</source>
        <translation>文件有多个：请生成一个合并的 PDF 以便一起打印。</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Sent %1 pages to the printer.</source>
        <translation>已将 %1 页发送到打印机。</translation>
    </message>
    <message>
        <source>The PDF could not be printed: %1</source>
        <translation>无法打印该 PDF：%1</translation>
    </message>
</context>
<context>
    <name>FiltersDock</name>
    <message>
        <source>All regions</source>
        <translation>全部地区</translation>
    </message>
    <message>
        <source>Other (set elsewhere)</source>
        <translation>其他（在别处设置）</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Brands</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Powertrain</source>
        <translation>动力类型</translation>
    </message>
    <message>
        <source>NEV</source>
        <translation>新能源</translation>
    </message>
    <message>
        <source>ICE</source>
        <translation>燃油</translation>
    </message>
    <message>
        <source>New-energy vehicles (battery and plug-in)</source>
        <translation>新能源汽车（纯电动和插电式混合动力）</translation>
    </message>
    <message>
        <source>Internal-combustion vehicles</source>
        <translation>燃油车（内燃机汽车）</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation>重置筛选</translation>
    </message>
    <message>
        <source>Every brand, powertrain, region and year</source>
        <translation>恢复全部品牌、动力类型、地区和年份</translation>
    </message>
</context>
<context>
    <name>GlanceDock</name>
    <message>
        <source>At a glance</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Published figures (real, with sources)</source>
        <translation>公开数据（真实数据，附来源）</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主体</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Published in</source>
        <translation>刊载于</translation>
    </message>
    <message>
        <source>Active dataset</source>
        <translation>当前数据集</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>销量（辆）</translation>
    </message>
    <message>
        <source>NEV share</source>
        <translation>新能源占比</translation>
    </message>
    <message>
        <source>Dealers</source>
        <translation>经销商</translation>
    </message>
    <message>
        <source>Countries reached</source>
        <translation>覆盖国家数</translation>
    </message>
    <message>
        <source>Under the current filters.</source>
        <translation>按当前筛选条件统计。</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>%1: there are no data rows below the header.</source>
        <translation>%1：表头下方没有数据行。</translation>
    </message>
    <message>
        <source>%1 could not be imported: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message>
        <source>Saving the dataset…</source>
        <translation>正在保存数据集…</translation>
    </message>
    <message>
        <source>The dataset could not be saved: %1</source>
        <translation>无法保存数据集：%1</translation>
    </message>
    <message>
        <source>Nothing has changed: the data you had stays active.</source>
        <translation>没有任何更改：原有数据仍在使用中。</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <source>Use the swapped coordinates for %1 dealers</source>
        <translation>对 %1 家经销商采用对调后的坐标</translation>
    </message>
    <message>
        <source>Notes on accepted rows (%1):</source>
        <translation>已接受行的说明（%1 条）：</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Choose another file: the imported file itself is never overwritten.</source>
        <translation>请选择其他文件：不会覆盖被导入的文件本身。</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Import report — %1</source>
        <translation>导入报告 — %1</translation>
    </message>
    <message>
        <source>sales rows</source>
        <translation>销量行</translation>
    </message>
    <message>
        <source>dealer rows</source>
        <translation>经销商行</translation>
    </message>
    <message>
        <source>%1: %2 data rows, %3 accepted, %4 rejected (%5 problems).</source>
        <translation>%1：共 %2 行数据，接受 %3 行，拒绝 %4 行（%5 个问题）。</translation>
    </message>
    <message>
        <source>Accepted: %1 units in %2 countries (compare with the file's own total).</source>
        <translation>已接受：%2 个国家共 %1 辆（可与文件自身的合计核对）。</translation>
    </message>
    <message>
        <source>No row can be imported. Fix the file and import it again.</source>
        <translation>没有可导入的行。请修正文件后重新导入。</translation>
    </message>
    <message>
        <source>Replace: the accepted %1 replace yours. Append: they are added.</source>
        <translation>替换：接受的%1将取代您现有的数据。追加：将其添加到现有数据中。</translation>
    </message>
    <message>
        <source>The accepted %1 start a dataset of your own (no sample rows).</source>
        <translation>接受的%1将组成您自己的数据集（不含示例数据）。</translation>
    </message>
    <message>
        <source>columns ignored: %1</source>
        <translation>未使用的列：%1</translation>
    </message>
    <message>
        <source>Save rejected rows as CSV…</source>
        <translation>将被拒绝的行另存为 CSV…</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Append</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>KioskBar</name>
    <message>
        <source>Overview</source>
        <translation>全图</translation>
    </message>
    <message>
        <source>The whole map, no country selected</source>
        <translation>显示整个地图，不选择国家</translation>
    </message>
    <message>
        <source>Switch the language</source>
        <translation>切换语言</translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message>
        <source>Exhibition mode</source>
        <translation>展会模式</translation>
    </message>
    <message>
        <source>Full screen with an automatic tour; Esc, then confirm, to leave</source>
        <translation>全屏显示并自动巡览；按 Esc 后确认即可退出</translation>
    </message>
    <message>
        <source>Exhibition settings…</source>
        <translation>展会模式设置…</translation>
    </message>
    <message>
        <source>Explore the map: the tour resumes after %1 s without a touch</source>
        <translation>请自由浏览地图：%1 秒内无操作将继续自动巡览</translation>
    </message>
    <message>
        <source>Top destinations of vehicles from Chongqing — touch the map to explore</source>
        <translation>重庆汽车主要出口目的地——触摸地图即可自由浏览</translation>
    </message>
</context>
<context>
    <name>KioskSettingsDialog</name>
    <message>
        <source>Exhibition settings</source>
        <translation>展会模式设置</translation>
    </message>
    <message>
        <source>The top destinations under the current filters</source>
        <translation>当前筛选条件下的主要目的地</translation>
    </message>
    <message>
        <source>Number of countries:</source>
        <translation>国家数量：</translation>
    </message>
    <message>
        <source>These countries (drag to change the order):</source>
        <translation>以下国家（拖动可调整顺序）：</translation>
    </message>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Each country is shown for:</source>
        <translation>每个国家展示时长：</translation>
    </message>
    <message>
        <source>After the last touch, the tour resumes in:</source>
        <translation>最后一次触摸后恢复自动巡览的时间：</translation>
    </message>
    <message>
        <source>Esc, then confirm, leaves exhibition mode.</source>
        <translation>按 Esc 后确认即可退出展会模式。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Corridor Map — Chongqing vehicle exports</source>
        <translation>走廊地图 — 重庆汽车出口</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Fact sheets…</source>
        <translation>国家简报(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Point of view</source>
        <translation>地图立场(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;anels</source>
        <translation>面板(&amp;A)</translation>
    </message>
    <message>
        <source>China's point of view (default)</source>
        <translation>中国立场（默认）</translation>
    </message>
    <message>
        <source>Natural Earth default view</source>
        <translation>Natural Earth 默认视图</translation>
    </message>
    <message>
        <source>&amp;World map</source>
        <translation>世界地图(&amp;W)</translation>
    </message>
    <message>
        <source>Centred on the Pacific, as maps made in China (default)</source>
        <translation>以太平洋为中心（中国出版地图的画法，默认）</translation>
    </message>
    <message>
        <source>Centred on Greenwich (0°)</source>
        <translation>以格林尼治（0°）为中心</translation>
    </message>
    <message>
        <source>Software rendering (applies at next start)</source>
        <translation>软件渲染（下次启动时生效）</translation>
    </message>
    <message>
        <source>Reset window layout</source>
        <translation>重置窗口布局</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>&amp;About Corridor Map</source>
        <translation>关于走廊地图(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Transit assumptions</source>
        <translation>运输时间假设(&amp;T)</translation>
    </message>
    <message>
        <source>China's point of view</source>
        <translation>中国立场</translation>
    </message>
    <message>
        <source>Map: Natural Earth 1:50m · %1</source>
        <translation>地图：Natural Earth 1:5000万 · %1</translation>
    </message>
    <message>
        <source>Preparing the map…</source>
        <translation>正在准备地图…</translation>
    </message>
    <message>
        <source>Loading the map…</source>
        <translation>正在加载地图…</translation>
    </message>
    <message>
        <source>Map ready</source>
        <translation>地图已就绪</translation>
    </message>
    <message>
        <source>The map could not be shown</source>
        <translation>无法显示地图</translation>
    </message>
    <message>
        <source>The map's display process stopped (%1); it has been reloaded.</source>
        <translation>地图显示进程已停止（%1），已重新加载。</translation>
    </message>
    <message>
        <source>&amp;Export PNG or PDF…</source>
        <translation>导出 PNG 或 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>Software rendering takes effect at the next start.</source>
        <translation>软件渲染将在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Coastline</source>
        <translation>海岸线</translation>
    </message>
    <message>
        <source>Internal boundary</source>
        <translation>内部界线</translation>
    </message>
    <message>
        <source>South China Sea dashed line</source>
        <translation>南海断续线</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家和地区</translation>
    </message>
    <message>
        <source>Lakes</source>
        <translation>湖泊</translation>
    </message>
    <message>
        <source>Graticule</source>
        <translation>经纬网</translation>
    </message>
    <message>
        <source>Units sold</source>
        <translation>销量</translation>
    </message>
    <message>
        <source>No sales in the data</source>
        <translation>数据中无销量</translation>
    </message>
    <message>
        <source>Rail</source>
        <translation>铁路</translation>
    </message>
    <message>
        <source>River (Yangtze)</source>
        <translation>内河（长江）</translation>
    </message>
    <message>
        <source>Sea lane</source>
        <translation>海运航线</translation>
    </message>
    <message>
        <source>Road (onward)</source>
        <translation>公路（接续）</translation>
    </message>
    <message>
        <source>Port or hub</source>
        <translation>港口或枢纽</translation>
    </message>
    <message>
        <source>Hide the legend</source>
        <translation>收起图例</translation>
    </message>
    <message>
        <source>Show the legend</source>
        <translation>展开图例</translation>
    </message>
    <message>
        <source>Route to {place}</source>
        <translation>前往{place}的路线</translation>
    </message>
    <message>
        <source>Routes to the selected countries</source>
        <translation>前往所选国家的路线</translation>
    </message>
    <message>
        <source>Compared routes to {place}</source>
        <translation>前往{place}的比较路线</translation>
    </message>
    <message>
        <source>Highlighted routes</source>
        <translation>突出显示的路线</translation>
    </message>
    <message>
        <source>Rail legs</source>
        <translation>铁路段</translation>
    </message>
    <message>
        <source>River legs</source>
        <translation>内河段</translation>
    </message>
    <message>
        <source>Road legs</source>
        <translation>公路段</translation>
    </message>
    <message>
        <source>Sea lanes</source>
        <translation>海运航线</translation>
    </message>
    <message>
        <source>Ports and hubs</source>
        <translation>港口与枢纽</translation>
    </message>
    <message>
        <source>River</source>
        <translation>内河</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>公路</translation>
    </message>
    <message>
        <source>Sea</source>
        <translation>海运</translation>
    </message>
    <message>
        <source>Sea port</source>
        <translation>海港</translation>
    </message>
    <message>
        <source>River port</source>
        <translation>内河港</translation>
    </message>
    <message>
        <source>Rail hub</source>
        <translation>铁路枢纽</translation>
    </message>
    <message>
        <source>Dry port</source>
        <translation>无水港</translation>
    </message>
    <message>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <source>Export flows</source>
        <translation>出口流向</translation>
    </message>
    <message>
        <source>Dealers</source>
        <translation>经销商</translation>
    </message>
    <message>
        <source>Exports (width: units)</source>
        <translation>出口（线宽表示销量）</translation>
    </message>
    <message>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <source>Dashed: approximate location (its city)</source>
        <translation>虚线：大致位置（所在城市）</translation>
    </message>
    <message>
        <source>Group of dealers</source>
        <translation>经销商群组</translation>
    </message>
    <message>
        <source>Click a group to zoom in</source>
        <translation>点击群组可放大</translation>
    </message>
    <message>
        <source>Units via this leg</source>
        <translation>经此段的销量</translation>
    </message>
    <message>
        <source>To</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>approximate location</source>
        <translation>大致位置</translation>
    </message>
    <message>
        <source>city position</source>
        <translation>城市位置</translation>
    </message>
    <message>
        <source>nm</source>
        <translation>海里</translation>
    </message>
    <message>
        <source>Made with Natural Earth</source>
        <translation>地图数据：Natural Earth</translation>
    </message>
    <message>
        <source>Units sold (all years)</source>
        <translation>销量（全部年份）</translation>
    </message>
    <message>
        <source>Units sold, %1</source>
        <translation>销量，%1</translation>
    </message>
    <message>
        <source>%1 (classes fixed over %2)</source>
        <translation>%1（分级固定于 %2）</translation>
    </message>
</context>
<context>
    <name>PanelsToolBar</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Clear the selection and every filter</source>
        <translation>清除选择和所有筛选条件</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>清除选择</translation>
    </message>
</context>
<context>
    <name>ParamsEditor</name>
    <message>
        <source>Assumptions</source>
        <translation>假设参数</translation>
    </message>
    <message>
        <source>Rail, km per day</source>
        <translation>铁路，每天公里数</translation>
    </message>
    <message>
        <source>River speed, knots</source>
        <translation>内河航速（节）</translation>
    </message>
    <message>
        <source>Sea speed, knots</source>
        <translation>海运航速（节）</translation>
    </message>
    <message>
        <source>Road, km per day</source>
        <translation>公路，每天公里数</translation>
    </message>
    <message>
        <source>Trucks on the onward legs from a foreign port or border station into the country</source>
        <translation>从境外港口或口岸站进入目的国的公路延伸段（卡车）</translation>
    </message>
    <message>
        <source>Days per stop</source>
        <translation>每次停留天数</translation>
    </message>
    <message>
        <source>Each transshipment, border with customs or gauge change, and the Three Gorges locks</source>
        <translation>每次换装、每个需通关或换轨的口岸，以及三峡船闸</translation>
    </message>
    <message>
        <source>Reset to defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Defaults and their sources…</source>
        <translation>默认值及来源…</translation>
    </message>
    <message>
        <source>Also in Help → Transit assumptions. Estimates, not timetables.</source>
        <translation>亦见“帮助 → 运输时间假设”。为估计值，不是时刻表。</translation>
    </message>
</context>
<context>
    <name>PortCard</name>
    <message>
        <source>Sea port</source>
        <translation>海港</translation>
    </message>
    <message>
        <source>River port</source>
        <translation>内河港口</translation>
    </message>
    <message>
        <source>Rail hub</source>
        <translation>铁路枢纽</translation>
    </message>
    <message>
        <source>Dry port</source>
        <translation>陆港</translation>
    </message>
    <message>
        <source>Arrival city</source>
        <translation>到达城市</translation>
    </message>
    <message>
        <source>rail</source>
        <translation>铁路</translation>
    </message>
    <message>
        <source>river</source>
        <translation>水运</translation>
    </message>
    <message>
        <source>sea</source>
        <translation>海运</translation>
    </message>
    <message>
        <source>road</source>
        <translation>公路</translation>
    </message>
    <message>
        <source>legs by {modes}</source>
        <translation>运输方式：{modes}</translation>
    </message>
    <message>
        <source>{km} km, about {days} days</source>
        <translation>{km} 公里，约 {days} 天</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>{units} units</source>
        <translation>{units} 辆</translation>
    </message>
    <message>
        <source>From Chongqing (estimates)</source>
        <translation>自重庆出发（估计）</translation>
    </message>
    <message>
        <source>No route of the corridor ends here.</source>
        <translation>通道中没有以此为终点的线路。</translation>
    </message>
    <message>
        <source>Destinations in the data routed through it</source>
        <translation>数据中经此中转的目的地</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>另有 {n} 个</translation>
    </message>
    <message>
        <source>None in the data under the filters.</source>
        <translation>按当前筛选，数据中没有。</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
</context>
<context>
    <name>RankingDock</name>
    <message>
        <source>Destinations ranking</source>
        <translation>目的地排名</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>ISO3</source>
        <translation>ISO3 代码</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>销量（辆）</translation>
    </message>
    <message>
        <source>NEV share (%)</source>
        <translation>新能源占比（%）</translation>
    </message>
    <message>
        <source>Dealers</source>
        <translation>经销商</translation>
    </message>
</context>
<context>
    <name>Regions</name>
    <message>
        <source>Africa</source>
        <translation>非洲</translation>
    </message>
    <message>
        <source>Antarctica</source>
        <translation>南极洲</translation>
    </message>
    <message>
        <source>Asia</source>
        <translation>亚洲</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>欧洲</translation>
    </message>
    <message>
        <source>North America</source>
        <translation>北美洲</translation>
    </message>
    <message>
        <source>Oceania</source>
        <translation>大洋洲</translation>
    </message>
    <message>
        <source>South America</source>
        <translation>南美洲</translation>
    </message>
    <message>
        <source>Australia and New Zealand</source>
        <translation>澳大利亚和新西兰</translation>
    </message>
    <message>
        <source>Caribbean</source>
        <translation>加勒比</translation>
    </message>
    <message>
        <source>Central America</source>
        <translation>中美洲</translation>
    </message>
    <message>
        <source>Central Asia</source>
        <translation>中亚</translation>
    </message>
    <message>
        <source>Eastern Africa</source>
        <translation>东非</translation>
    </message>
    <message>
        <source>Eastern Asia</source>
        <translation>东亚</translation>
    </message>
    <message>
        <source>Eastern Europe</source>
        <translation>东欧</translation>
    </message>
    <message>
        <source>Melanesia</source>
        <translation>美拉尼西亚</translation>
    </message>
    <message>
        <source>Micronesia</source>
        <translation>密克罗尼西亚</translation>
    </message>
    <message>
        <source>Middle Africa</source>
        <translation>中非</translation>
    </message>
    <message>
        <source>Northern Africa</source>
        <translation>北非</translation>
    </message>
    <message>
        <source>Northern America</source>
        <translation>北美</translation>
    </message>
    <message>
        <source>Northern Europe</source>
        <translation>北欧</translation>
    </message>
    <message>
        <source>Polynesia</source>
        <translation>波利尼西亚</translation>
    </message>
    <message>
        <source>South-Eastern Asia</source>
        <translation>东南亚</translation>
    </message>
    <message>
        <source>Southern Africa</source>
        <translation>南部非洲</translation>
    </message>
    <message>
        <source>Southern Asia</source>
        <translation>南亚</translation>
    </message>
    <message>
        <source>Southern Europe</source>
        <translation>南欧</translation>
    </message>
    <message>
        <source>Western Africa</source>
        <translation>西非</translation>
    </message>
    <message>
        <source>Western Asia</source>
        <translation>西亚</translation>
    </message>
    <message>
        <source>Western Europe</source>
        <translation>西欧</translation>
    </message>
</context>
<context>
    <name>RejectionsModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RouteComparison</name>
    <message>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>No route data available.</source>
        <translation>没有可用的路线数据。</translation>
    </message>
    <message>
        <source>Select a country to compare its routes from Chongqing.</source>
        <translation>请选择一个国家，比较从重庆出发的各条路线。</translation>
    </message>
    <message>
        <source>No route known to this country.</source>
        <translation>没有通往该国的已知路线。</translation>
    </message>
    <message>
        <source>Fastest with these assumptions: {route}, {days} days. Estimates, not timetables.</source>
        <translation>按当前假设最快：{route}，{days} 天。此为估算，并非班期。</translation>
    </message>
    <message>
        <source>International Land-Sea Trade Corridor (ILSTC)</source>
        <translation>西部陆海新通道（ILSTC）</translation>
    </message>
    <message>
        <source>Rail</source>
        <translation>铁路</translation>
    </message>
    <message>
        <source>River</source>
        <translation>水运</translation>
    </message>
    <message>
        <source>Sea</source>
        <translation>海运</translation>
    </message>
    <message>
        <source>Road</source>
        <translation>公路</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>{nm} nm at sea</source>
        <translation>海上 {nm} 海里</translation>
    </message>
    <message>
        <source>Stop: {what}</source>
        <translation>停留：{what}</translation>
    </message>
</context>
<context>
    <name>RouteDock</name>
    <message>
        <source>Routes</source>
        <translation>路线</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search a country, port or dealer…</source>
        <translation>搜索国家、港口或经销商……</translation>
    </message>
    <message>
        <source>Type a name in English or Chinese, or an ISO code, then press Enter</source>
        <translation>输入中文或英文名称或 ISO 代码，然后按回车键</translation>
    </message>
    <message>
        <source>port</source>
        <translation>港口</translation>
    </message>
    <message>
        <source>dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <source>No match for “{text}”.</source>
        <translation>没有找到“{text}”。</translation>
    </message>
    <message>
        <source>Closest: {names}</source>
        <translation>最接近的：{names}</translation>
    </message>
    <message>
        <source>Try a country, port or dealer name, in English or Chinese.</source>
        <translation>请输入国家、港口或经销商名称（中英文均可）。</translation>
    </message>
</context>
<context>
    <name>Splash</name>
    <message>
        <source>Corridor Map — loading data…</source>
        <translation>走廊地图 — 正在加载数据…</translation>
    </message>
</context>
<context>
    <name>TableBox</name>
    <message>
        <source>Where the table is</source>
        <translation>表格位置</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>Text encoding</source>
        <translation>文本编码</translation>
    </message>
    <message>
        <source>As found</source>
        <translation>按识别结果</translation>
    </message>
    <message>
        <source>One row per record (columns as they are)</source>
        <translation>每条记录一行（按原列读取）</translation>
    </message>
    <message>
        <source>Years or months as columns (one row per year or month)</source>
        <translation>年份或月份为列（转为每年或每月一行）</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Read again with this choice</source>
        <translation>按此设置重新读取</translation>
    </message>
</context>
<context>
    <name>TableDock</name>
    <message>
        <source>Filter rows…</source>
        <translation>筛选行……</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出……</translation>
    </message>
    <message>
        <source>Save this table as CSV or Excel</source>
        <translation>将此表保存为 CSV 或 Excel 文件</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>The table could not be saved:</source>
        <translation>无法保存表格：</translation>
    </message>
</context>
<context>
    <name>ViewsDock</name>
    <message>
        <source>Saved views</source>
        <translation>已保存视图</translation>
    </message>
    <message>
        <source>Name of the current view</source>
        <translation>当前视图的名称</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Saves the map extent, layers, selection and filters</source>
        <translation>保存地图范围、图层、所选国家和筛选条件</translation>
    </message>
    <message>
        <source>Go to view</source>
        <translation>转到视图</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>A view with the same name is replaced. Double-click a view to go back to it.</source>
        <translation>同名视图将被替换。双击视图即可返回该视图。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Saved {when}; selection: {codes}</source>
        <translation>保存于 {when}；所选：{codes}</translation>
    </message>
</context>
<context>
    <name>YearControls</name>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Year range</source>
        <translation>年份范围</translation>
    </message>
    <message>
        <source>Step through the chosen years on the map, coloured on the same classes throughout</source>
        <translation>在地图上逐年播放所选年份，全程使用相同的颜色分级</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop and go back to the years shown before Play</source>
        <translation>停止并恢复播放前显示的年份</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>1× shows one year per second</source>
        <translation>1× 为每秒一年</translation>
    </message>
    <message>
        <source>Cumulative (all years up to the one shown)</source>
        <translation>累计（截至当前年份的所有年份）</translation>
    </message>
</context>
</TS>