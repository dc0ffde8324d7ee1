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
        <source>China's point of view (default)</source>
        <translation>中国立场（默认）</translation>
    </message>
    <message>
        <source>Natural Earth default view</source>
        <translation>Natural Earth 默认视图</translation>
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
        <source>Countries and territories</source>
        <translation>国家和地区</translation>
    </message>
    <message>
        <source>Sea and lakes</source>
        <translation>海洋与湖泊</translation>
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
        <source>Made with Natural Earth</source>
        <translation>地图数据：Natural Earth</translation>
    </message>
</context>
</TS>