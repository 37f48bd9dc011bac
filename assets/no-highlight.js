/* dcc.Markdown fetches highlight.js (38 kB) as soon as it is drawn, to colour code blocks. No page
   here has a code block, so a stand-in that highlights nothing saves the download. */
window.hljs = window.hljs || { highlightElement: function () {} };
