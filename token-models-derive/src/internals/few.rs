//! [`Few`]: a list that is almost always empty or one long.

use std::ops::Deref;

/// A list kept in place while it holds at most one item, and in a `Vec`
/// from the second on. A cell's styled ranges (`*Optional[str]*` has one)
/// and a type name's path segments (`str`, rarely `shared::Claims`) are
/// such lists, and there are tens of thousands of them in a large spec set:
/// each would otherwise be an allocation of its own.
///
/// Kept by the budget (BENCHMARKS.md): a `Vec` in its place cost 3.9% more
/// of the macro's optimised run at 1,000 synthetic specs.
#[derive(Debug, Clone)]
pub enum Few<T> {
    One(Option<T>),
    Many(Vec<T>),
}

impl<T> Default for Few<T> {
    fn default() -> Self {
        Few::One(None)
    }
}

/// Equal when the items are, however they are kept.
impl<T: PartialEq> PartialEq for Few<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Eq> Eq for Few<T> {}

impl<T> Few<T> {
    #[inline]
    pub fn push(&mut self, item: T) {
        match self {
            // The usual first and only item, in place.
            Few::One(slot @ None) => *slot = Some(item),
            _ => self.push_more(item),
        }
    }

    /// A second item or more: out of line, as it is rare.
    #[cold]
    fn push_more(&mut self, item: T) {
        match self {
            Few::Many(items) => items.push(item),
            Few::One(slot) => match slot.take() {
                None => *slot = Some(item),
                Some(first) => *self = Few::Many(vec![first, item]),
            },
        }
    }
}

impl<T> Deref for Few<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match self {
            Few::One(item) => item.as_slice(),
            Few::Many(items) => items,
        }
    }
}

impl<T> From<Vec<T>> for Few<T> {
    fn from(items: Vec<T>) -> Self {
        Few::Many(items)
    }
}

impl<T> FromIterator<T> for Few<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut few = Few::default();
        iter.into_iter().for_each(|item| few.push(item));
        few
    }
}

impl<T> IntoIterator for Few<T> {
    type Item = T;
    type IntoIter = FewIter<T>;

    fn into_iter(self) -> FewIter<T> {
        match self {
            Few::One(item) => FewIter::One(item),
            Few::Many(items) => FewIter::Many(items.into_iter()),
        }
    }
}

/// The items of a [`Few`], by value.
pub enum FewIter<T> {
    One(Option<T>),
    Many(std::vec::IntoIter<T>),
}

impl<T> Iterator for FewIter<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match self {
            FewIter::One(item) => item.take(),
            FewIter::Many(items) => items.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Few;

    #[test]
    fn holds_its_items_in_order_in_place_or_not() {
        let mut few = Few::default();
        assert!(few.is_empty());
        few.push(1);
        assert!(matches!(few, Few::One(Some(1))), "one item stays in place");
        assert_eq!(&*few, [1]);
        few.push(2);
        few.push(3);
        assert_eq!(&*few, [1, 2, 3]);
        assert_eq!(few.clone().into_iter().collect::<Vec<_>>(), [1, 2, 3]);
        let one: Few<_> = [7].into_iter().collect();
        assert_eq!(one, Few::One(Some(7)));
        assert_eq!(one.clone().into_iter().collect::<Vec<_>>(), [7]);
        assert_eq!(&*Few::from(vec![4, 5]), [4, 5]);
        assert_eq!(Few::from(vec![7]), one, "equal however kept");
        assert_ne!(Few::from(vec![7, 8]), one);
    }
}
