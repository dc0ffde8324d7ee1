"""Word wrap in a tree: rows as tall as their wrapped text at the column's width (QTreeView alone measures
wrapped text at an unlimited width, so long names are cut instead of wrapped)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView


class WrapDelegate(QStyledItemDelegate):
    """Sizes the first column's cells for its width; the rows are laid out again when a column resizes."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree
        tree.setWordWrap(True)
        tree.header().sectionResized.connect(lambda *_: tree.doItemsLayout())

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        if index.column() != 0:
            return super().sizeHint(option, index)  # (the other columns are sized to their contents)
        width = self.tree.columnWidth(0)
        depth, parent = 1 if self.tree.rootIsDecorated() else 0, index.parent()
        while parent.isValid():  # the branch indentation comes off the first column
            depth, parent = depth + 1, parent.parent()
        width -= self.tree.indentation() * depth
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, max(width, 1), 1)  # a valid rect: the style wraps at its width
        return super().sizeHint(sized, index)
