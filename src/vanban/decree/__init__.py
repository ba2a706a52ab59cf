"""What Decree 30/2020/NĐ-CP says, as data: document types (:mod:`.doctypes`), numbering
labels and depths (:mod:`.numbering`), signing authorities (:mod:`.signing`), urgency,
secrecy and circulation marks (:mod:`.marks`), the lines printed under a task
(:mod:`.tasks`) and the page's ranges (:mod:`.page`). Each fact is defined here once."""
